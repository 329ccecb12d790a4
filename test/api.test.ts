import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../bot/app";
import { testDeps } from "./support/desk";

let app: FastifyInstance;

beforeAll(async () => {
  app = await buildApp({ desk: () => testDeps() });
});
afterAll(() => app.close());

const ask = (payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({
    method: "POST",
    url: "/api/ask",
    payload: typeof payload === "string" ? payload : JSON.stringify(payload),
    headers: { "content-type": "application/json", ...headers },
  });

describe("POST /api/ask", () => {
  it("answers with the documented fields", async () => {
    const response = await ask({ question: "co bao nhieu tai khoan vneid" });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.status).toBe("answered");
    expect(body.answer).toContain("67 triệu");
    expect(body.figures[0]).toMatchObject({
      value: 67_000_000,
      text: "67 triệu",
      asOf: "2025-11",
      citation: 0,
    });
    expect(body.citations[0]).toMatchObject({
      doc: "bao-cao-tong-ket-de-an-06-2025",
      title: expect.stringContaining("Báo cáo tổng kết"),
    });
    expect(body.citations[0].quote).toContain("67 triệu tài khoản VNeID");
    expect(Array.isArray(body.deadlines)).toBe(true);
  });

  it("answers as of a date", async () => {
    const response = await ask({ question: "có bao nhiêu tài khoản định danh điện tử", asOf: "2023-12-31" });
    expect(response.json().figures[0].text).toBe("trên 70 triệu");
  });

  it.each([
    ["an empty question", { question: "" }, "QUESTION_EMPTY"],
    ["a whitespace question", { question: "  \n\t " }, "QUESTION_EMPTY"],
    ["a question over 1,000 characters", { question: "a".repeat(1001) }, "BAD_REQUEST"],
    ["a number as question", { question: 42 }, "BAD_REQUEST"],
    ["a missing question", {}, "BAD_REQUEST"],
    ["an unknown field", { question: "vneid", questoin: "x" }, "BAD_REQUEST"],
    ["an unknown language", { question: "vneid", lang: "fr" }, "BAD_REQUEST"],
    ["a malformed date", { question: "vneid", asOf: "01/2025" }, "BAD_REQUEST"],
    ["an array body", [1, 2], "BAD_REQUEST"],
    ["malformed JSON", '{"question": "vneid"', "BAD_REQUEST"],
  ])("rejects %s with 400 and a code", async (_name, payload, code) => {
    const response = await ask(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe(code);
    expect(response.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it("refuses a body over 64 KB with 413", async () => {
    const response = await ask({ question: "x".repeat(70_000) });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe("BODY_TOO_LARGE");
  });

  it("refuses a body that is not JSON with 415", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/ask",
      payload: "question=vneid",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(response.statusCode).toBe(415);
  });
});

describe("GET routes", () => {
  it("lists figures on a topic, newest first", async () => {
    const response = await app.inject({ url: "/api/figures?q=t%C3%A0i%20kho%E1%BA%A3n%20VNeID" });
    expect(response.statusCode).toBe(200);
    const { figures, citations } = response.json();
    expect(figures.map((figure: { text: string }) => figure.text)).toContain("67 triệu");
    const asOfs = figures.map((figure: { asOf: string }) => figure.asOf);
    expect(asOfs).toEqual([...asOfs].sort().reverse());
    expect(citations.length).toBeGreaterThan(0);
  });

  it("lists deadlines in a period for a body", async () => {
    const response = await app.inject({
      url: "/api/deadlines?from=2024-01&to=2024-03&body=B%E1%BB%99%20T%C6%B0%20ph%C3%A1p",
    });
    const { deadlines, today } = response.json();
    expect(today).toBe("2025-02-15");
    expect(deadlines.length).toBeGreaterThan(0);
    expect(deadlines[0]).toMatchObject({ body: "Bộ Tư pháp", dueDate: "2024-03-31", status: "past-due" });
  });

  it("rejects a bad filter", async () => {
    const response = await app.inject({ url: "/api/deadlines?overdue=maybe" });
    expect(response.statusCode).toBe(400);
  });

  it("lists the documents with their numbers and counts", async () => {
    const { documents } = (await app.inject({ url: "/api/documents" })).json();
    expect(documents).toHaveLength(5);
    const january = documents.find((document: { number?: string }) => document.number === "290/BC-TCTTKĐA");
    expect(january).toMatchObject({ date: "2025-02-04", kind: "report" });
    expect(january.figures).toBeGreaterThan(50);
  });

  it("serves one document's cleaned text, and 404 for an unknown one", async () => {
    const found = await app.inject({ url: "/api/documents/bao-cao-290-bc-tcttkda-2025-02-04" });
    expect(found.json().text).toContain("87,9 triệu");
    const missing = await app.inject({ url: "/api/documents/nope" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("NOT_FOUND");
  });

  it("reports health, readiness and the OpenAPI document", async () => {
    expect((await app.inject({ url: "/healthz" })).json()).toEqual({ status: "ok" });
    expect((await app.inject({ url: "/readyz" })).json().ready).toBe(true);
    const openapi = (await app.inject({ url: "/docs/json" })).json();
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(["/api/ask", "/api/figures", "/api/deadlines", "/api/documents"]),
    );
  });

  it("answers unknown routes with a JSON 404", async () => {
    const response = await app.inject({ url: "/nothing/here" });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("NOT_FOUND");
  });
});

describe("without an index", () => {
  it("is alive but not ready, and asks come back 503", async () => {
    const empty = await buildApp({ desk: () => undefined });
    expect((await empty.inject({ url: "/healthz" })).statusCode).toBe(200);
    expect((await empty.inject({ url: "/readyz" })).statusCode).toBe(503);
    const response = await empty.inject({ method: "POST", url: "/api/ask", payload: { question: "vneid" } });
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe("INDEX_MISSING");
    await empty.close();
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After past the per-client limit", async () => {
    const limited = await buildApp({ desk: () => testDeps(), rateLimit: { max: 2, windowMs: 60_000 } });
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await limited.inject({ url: "/api/documents" });
      statuses.push(response.statusCode);
      retryAfter = response.headers["retry-after"] as string | undefined;
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect((await limited.inject({ url: "/healthz" })).statusCode).toBe(200);
    await limited.close();
  });
});
