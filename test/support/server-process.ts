import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";

/**
 * Runs one of the project's entry points (`bot/main.ts`, `ingest/cli.ts`) as a real process, the way
 * `npm start` does, and collects its output: for start-up, shutdown and fault tests.
 */
export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

export function runEntry(entry: string, env: Record<string, string>, args: string[] = []): RunningProcess {
  const child = spawn(process.execPath, ["--import", "tsx", entry, ...args], {
    env: { ...process.env, EMBEDDINGS: "off", LOG_LEVEL: "info", PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (data) => {
    output += data.toString();
  });
  child.stderr?.on("data", (data) => {
    output += data.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Waits until the output matches, or fails after `timeoutMs` with the output so far. */
export async function waitForOutput(
  running: RunningProcess,
  pattern: RegExp,
  timeoutMs = 20_000,
): Promise<RegExpMatchArray> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const match = pattern.exec(running.output());
    if (match) return match;
    if (running.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out waiting for ${pattern}. Output:\n${running.output()}`);
}

/** Starts the server and returns its base URL once it listens. */
export async function startServer(env: Record<string, string>): Promise<RunningProcess & { url: string }> {
  const running = runEntry("bot/main.ts", env);
  const match = await waitForOutput(running, /Server listening at (http:\/\/127\.0\.0\.1:\d+)/);
  return { ...running, url: match[1] ?? "" };
}

/** A port free right now on 127.0.0.1, for servers that cannot be told to pick one (`port 0`). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process in MB, from /proc. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** Polls `/readyz` until it answers 200 or the time is up. */
export async function waitUntilReady(url: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms`);
}
