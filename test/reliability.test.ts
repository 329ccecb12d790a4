import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { answer } from "../answer/answer";
import { buildApp } from "../bot/app";
import { Desk } from "../bot/desk";
import { WEB_DIST } from "../bot/web/build";
import { loadConfig } from "../core/config";
import { createLogger, silentLogger } from "../core/logger";
import { readIndex } from "../index/read";
import { runIngest } from "../ingest/pipeline";
import { writeJson } from "../ingest/write";
import { TEST_TODAY, testDeps } from "./support/desk";

/** Sends raw bytes over a socket and returns what the server answered (status line first). */
function rawRequest(port: number, chunks: string[], pauseMs = 0): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    socket.on("data", (data) => {
      received += data.toString("utf8");
    });
    socket.on("end", () => resolve(received));
    socket.on("close", () => resolve(received));
    socket.on("error", (error) => (received ? resolve(received) : reject(error)));
    socket.on("connect", async () => {
      for (const chunk of chunks) {
        socket.write(chunk);
        if (pauseMs) await new Promise((wait) => setTimeout(wait, pauseMs));
      }
    });
  });
}

const statusOf = (raw: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0);

function heapAfterCollection(): number {
  setFlagsFromString("--expose-gc");
  const collect = runInNewContext("gc") as () => void;
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

describe("hostile HTTP requests against a listening server", () => {
  let app: FastifyInstance;
  let port: number;

  beforeAll(async () => {
    app = await buildApp({ desk: () => testDeps(), webRoot: WEB_DIST, requestTimeoutMs: 800 });
    await app.listen({ port: 0, host: "127.0.0.1" });
    port = (app.server.address() as { port: number }).port;
  });
  afterAll(() => app.close());

  const post = (body: string, contentType = "application/json") =>
    `POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
  const get = (path: string, headers = "") =>
    `GET ${path} HTTP/1.1\r\nHost: x\r\n${headers}Connection: close\r\n\r\n`;

  const cases: Array<[string, () => string[], number]> = [
    ["a wrong content type", () => [post("question=vneid", "text/plain")], 415],
    ["invalid JSON", () => [post('{"question": ')], 400],
    ["deeply nested JSON", () => [post(`{"question": ${"[".repeat(20_000)}${"]".repeat(20_000)}}`)], 400],
    ["a 1 MB body", () => [post(JSON.stringify({ question: "x".repeat(1_000_000) }))], 413],
    ["20 KB of headers", () => [get("/healthz", `X-Big: ${"a".repeat(20_000)}\r\n`)], 431],
    ["a 100 KB query string", () => [get(`/api/figures?q=${"a".repeat(100_000)}`)], 431],
    ["an unknown route", () => [get("/wp-admin.php")], 404],
    ["path traversal", () => [get("/../../../../etc/passwd")], 403],
    ["encoded path traversal", () => [get("/%2e%2e/%2e%2e/%2e%2e/etc/passwd")], 403],
    ["a question over the limit", () => [post(JSON.stringify({ question: "a".repeat(1001) }))], 400],
  ];

  it.each(cases)("answers %s with its documented status", async (_name, request, expected) => {
    const raw = await rawRequest(port, request());
    expect(statusOf(raw)).toBe(expected);
    expect(raw).not.toContain("root:x:0:0");
    expect(raw).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it("times out a body that never finishes with 408", async () => {
    const head =
      "POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n";
    const raw = await rawRequest(port, [head, '{"question": "va'], 100);
    expect(statusOf(raw)).toBe(408);
  });

  it("stays up and returns to its memory baseline after a burst of hostile requests", async () => {
    for (let round = 0; round < 3; round++)
      for (const [, request] of cases) await rawRequest(port, request());
    const baseline = heapAfterCollection();
    for (let round = 0; round < 10; round++)
      for (const [, request] of cases) await rawRequest(port, request());
    expect(heapAfterCollection() - baseline).toBeLessThan(15 * 1024 * 1024);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
  });
});

describe("index faults", () => {
  it("names the corrupt file and how to rebuild, and the desk stays not ready", () => {
    const copy = join(mkdtempSync(join(tmpdir(), "corrupt-")), "built");
    cpSync(inject("indexDir"), copy, { recursive: true, dereference: true });
    const lexical = join(copy, "lexical.json");
    writeFileSync(lexical, readFileSync(lexical, "utf8").slice(0, 1000));
    expect(() => readIndex(copy)).toThrow(/lexical\.json.*npm run ingest/s);
    const desk = new Desk({ indexDir: copy, today: () => TEST_TODAY, logger: silentLogger });
    expect(desk.reload()).toBe(false);
    expect(desk.ready).toBe(false);
  });

  it("reports a full disk while writing as WRITE_FAILED", () => {
    const buildDir = mkdtempSync(join(tmpdir(), "full-"));
    symlinkSync("/dev/full", join(buildDir, "chunks.json"));
    expect(() => writeJson(buildDir, "chunks.json", { big: "x".repeat(100_000) })).toThrow(/space/);
  });

  it("reloads a new build while a query in flight finishes on the old one", async () => {
    const root = mkdtempSync(join(tmpdir(), "reload-"));
    const indexDir = join(root, "built");
    mkdirSync(join(root, "corpus"));
    cpSync("corpus", join(root, "corpus"), { recursive: true });
    await runIngest({ corpusDir: join(root, "corpus"), indexDir, logger: silentLogger });
    const desk = new Desk({ indexDir, today: () => TEST_TODAY, logger: silentLogger });
    desk.load();
    const before = desk.deps;
    if (!before) throw new Error("not loaded");
    const inFlight = answer(before, { question: "co bao nhieu tai khoan vneid" });
    await runIngest({ corpusDir: join(root, "corpus"), indexDir, logger: silentLogger });
    expect(desk.reload()).toBe(true);
    expect(desk.deps?.index.dir).not.toBe(before.index.dir);
    expect((await inFlight).figures[0]?.text).toBe("67 triệu");
    expect(
      (await answer(desk.deps ?? before, { question: "co bao nhieu tai khoan vneid" })).figures[0]?.text,
    ).toBe("67 triệu");
  });
});

describe("secrets", () => {
  it("never writes tokens or keys to the log", () => {
    let output = "";
    const sink = new Writable({
      write(chunk, _encoding, done) {
        output += chunk.toString();
        done();
      },
    });
    const logger = createLogger("info", sink);
    logger.info(
      {
        token: "123456:SECRET-TOKEN",
        config: { apiKey: "sk-SECRET" },
        req: { headers: { authorization: "Bearer SECRET" } },
      },
      "start",
    );
    expect(output).toContain("[redacted]");
    expect(output).not.toContain("SECRET");
  });

  it("never echoes a secret in a configuration error", () => {
    expect(() =>
      loadConfig({
        TELEGRAM_BOT_TOKEN: "123456:SECRET-TOKEN",
        TELEGRAM_WEBHOOK_URL: "https://example.org/hook",
        PORT: "http",
      }),
    ).toThrow(expect.objectContaining({ message: expect.not.stringContaining("SECRET") }));
  });
});
