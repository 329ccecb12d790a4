import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, watch, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../core/logger";
import { readIndex } from "../index/read";
import { runIngest } from "../ingest/pipeline";
import { runEntry, startServer, waitForOutput } from "./support/server-process";

/** The real entry points as separate processes: start-up, shutdown, and faults a person would meet. */
function scratchCorpus(copies = 1): { root: string; corpusDir: string; indexDir: string } {
  const root = mkdtempSync(join(tmpdir(), "process-"));
  const corpusDir = join(root, "corpus");
  cpSync("corpus", corpusDir, { recursive: true });
  const review = readFileSync(join(corpusDir, "bao-cao-tong-ket-de-an-06-2025.txt"), "utf8");
  for (let copy = 1; copy < copies; copy++) writeFileSync(join(corpusDir, `ban-sao-${copy}.txt`), review);
  return { root, corpusDir, indexDir: join(root, "index", "built") };
}

async function readiness(url: string): Promise<number> {
  return (await fetch(`${url}/readyz`)).status;
}

describe("npm start", () => {
  it("builds a missing index, serves, and shuts down gracefully on SIGTERM", async () => {
    const { corpusDir, indexDir } = scratchCorpus();
    const server = await startServer({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir });
    expect(await readiness(server.url)).toBe(200);
    // A request whose body is still arriving when SIGTERM comes must be finished, not dropped.
    const port = Number(new URL(server.url).port);
    const body = JSON.stringify({ question: "co bao nhieu tai khoan vneid" });
    const socket = connect(port, "127.0.0.1");
    let reply = "";
    socket.on("data", (data) => {
      reply += data.toString();
    });
    const closed = new Promise((resolve) => socket.on("close", resolve));
    await new Promise((resolve) => socket.on("connect", resolve));
    socket.write(
      `POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    server.child.kill("SIGTERM");
    await waitForOutput(server, /shutting down/);
    socket.write(body.slice(10));
    await closed;
    expect(reply).toMatch(/^HTTP\/1\.1 200/);
    expect(reply).toContain("67 triệu");
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain("shutting down");
    expect(server.output()).toContain("without the Telegram bot");
  });

  it("reports a corrupt index by name, stays not ready, and picks up a good index once built", async () => {
    const { corpusDir, indexDir } = scratchCorpus();
    await runIngest({ corpusDir, indexDir, logger: silentLogger });
    writeFileSync(join(indexDir, "chunks.json"), "[{");
    const server = await startServer({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir });
    try {
      expect(server.output()).toMatch(/chunks\.json.*npm run ingest/);
      expect(server.output()).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(await readiness(server.url)).toBe(503);
      await runIngest({ corpusDir, indexDir, logger: silentLogger });
      await waitForOutput(server, /index loaded/);
      expect(await readiness(server.url)).toBe(200);
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  });

  it("exits with one clear line when the port is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    const { corpusDir, indexDir } = scratchCorpus();
    const server = runEntry("bot/main.ts", {
      CORPUS_DIR: corpusDir,
      INDEX_DIR: indexDir,
      PORT: String(port),
    });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain(`port ${port} is already in use`);
    blocker.close();
  });

  it("refuses a bad setting with a message naming it", async () => {
    const server = runEntry("bot/main.ts", { PORT: "eighty" });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/PORT/);
    expect(server.output()).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it("serves lexical-only with one warning naming the setting when the model cannot load", async () => {
    const { corpusDir, indexDir } = scratchCorpus();
    const server = await startServer({
      CORPUS_DIR: corpusDir,
      INDEX_DIR: indexDir,
      EMBEDDINGS: "auto",
      EMBEDDING_MODEL_DIR: "/nonexistent/model",
    });
    try {
      expect(server.output()).toContain("EMBEDDING_MODEL_DIR");
      expect(await readiness(server.url)).toBe(200);
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  });
});

describe("npm run ingest", () => {
  it("leaves the previous index serving when killed mid-way, and the next run succeeds", async () => {
    const { root, corpusDir, indexDir } = scratchCorpus(6);
    await runIngest({ corpusDir, indexDir, logger: silentLogger });
    const previous = readIndex(indexDir).dir;
    const buildsDir = join(root, "index", "builds");
    const ingest = runEntry("ingest/cli.ts", { CORPUS_DIR: corpusDir, INDEX_DIR: indexDir }, ["--force"]);
    // Kill the moment the new build folder appears: it is being written, not yet published.
    await new Promise<void>((resolve) => {
      const watcher = watch(buildsDir, () => {
        if (readdirSync(buildsDir).length > 1) {
          ingest.child.kill("SIGKILL");
          watcher.close();
          resolve();
        }
      });
    });
    await ingest.exited;
    expect(readIndex(indexDir).dir).toBe(previous);
    const unfinished = readdirSync(buildsDir).filter(
      (name) => !existsSync(join(buildsDir, name, "manifest.json")),
    );
    expect(unfinished.length).toBeGreaterThan(0);

    const report = await runIngest({ corpusDir, indexDir, logger: silentLogger });
    expect(readIndex(indexDir).dir).toBe(report.buildDir);
    expect(readdirSync(buildsDir).every((name) => existsSync(join(buildsDir, name, "manifest.json")))).toBe(
      true,
    );
  });

  it("lets two ingests of one stale index run at once (a server starting while the fit rebuilds)", async () => {
    const { corpusDir, indexDir } = scratchCorpus();
    const [first, second] = await Promise.all([
      runIngest({ corpusDir, indexDir, logger: silentLogger }),
      runIngest({ corpusDir, indexDir, logger: silentLogger }),
    ]);
    expect([first.buildDir, second.buildDir]).toContain(readIndex(indexDir).dir);
    expect(readIndex(indexDir).documents).toHaveLength(5);
  });

  it("skips an unreadable report with its reason and exits 2", async () => {
    const { corpusDir, indexDir } = scratchCorpus();
    writeFileSync(join(corpusDir, "hong.pdf"), "%PDF-1.7 this is not really a PDF");
    const ingest = runEntry("ingest/cli.ts", { CORPUS_DIR: corpusDir, INDEX_DIR: indexDir });
    expect(await ingest.exited).toBe(2);
    expect(ingest.output()).toMatch(/skipped hong\.pdf: .+/);
    expect(readIndex(indexDir).documents).toHaveLength(5);
  });
});
