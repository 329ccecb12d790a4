import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { freePort, rssMb, runEntry, waitUntilReady } from "../test/support/server-process";
import { benchQuestions } from "./questions";

/**
 * `npm run bench:load [-- --duration 60 --connections 50]`: a sustained mixed load against a real server
 * process on 127.0.0.1 (rate limit off). Passes when there are no errors and no 5xx, and when RSS after
 * the run is within 10% of RSS after a warm-up (no leak). Prints p50/p99 and RSS.
 */
function run(
  url: string,
  questions: string[],
  duration: number,
  connections: number,
): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}/api/ask`,
    connections,
    duration,
    requests: questions.map((question) => ({
      method: "POST" as const,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question }),
    })),
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { duration: { type: "string", default: "60" }, connections: { type: "string", default: "50" } },
  });
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const port = await freePort();
  const server = runEntry("bot/main.ts", {
    PORT: String(port),
    LOG_LEVEL: "warn",
    RATE_LIMIT_MAX: "0",
    EMBEDDINGS: "off",
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(url);
  const pid = server.child.pid ?? 0;
  const questions = benchQuestions();
  await run(url, questions, Math.max(5, Math.round(duration / 6)), connections);
  const warmRss = rssMb(pid);
  const result = await run(url, questions, duration, connections);
  // Let the collector settle the garbage of the last requests before reading memory.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const afterRss = rssMb(pid);
  server.child.kill("SIGTERM");
  await server.exited;

  const serverErrors = result["5xx"];
  const growth = (afterRss - warmRss) / warmRss;
  const lines = [
    `requests ${result.requests.total} in ${duration} s at ${connections} connections (${Math.round(result.requests.average)}/s)`,
    `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
    `errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}, 5xx ${serverErrors}`,
    `RSS after warm-up ${warmRss} MB, after the run ${afterRss} MB (${(growth * 100).toFixed(1)}%)`,
  ];
  const passed = result.errors === 0 && result.timeouts === 0 && serverErrors === 0 && growth <= 0.1;
  process.stdout.write(`${lines.join("\n")}\n${passed ? "PASS" : "FAIL"}\n`);
  return passed ? 0 : 1;
}

process.exitCode = await main();
