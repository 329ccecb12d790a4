import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../bot/app";
import { testDeps, testIndex } from "./support/desk";

/** `GET /api/series` and `GET /api/figures?measure=`: series of one measure across reports, over HTTP. */
let app: FastifyInstance;

beforeAll(async () => {
  app = await buildApp({ desk: () => testDeps() });
});
afterAll(() => app.close());

interface SeriesPoint {
  value: number;
  text: string;
  asOf: string;
  doc: string;
  quote: string;
  citation: number;
}

interface SeriesRow {
  key: string;
  measure: string;
  unit?: string;
  kind: string;
  points: SeriesPoint[];
}

const get = (url: string) => app.inject({ method: "GET", url });
const seriesKeyOf = (docId: string, text: string) =>
  testIndex().figures.find((figure) => figure.docId === docId && figure.text === text)?.series ?? "";

describe("GET /api/series", () => {
  it("lists series with their points newest first, each with its report and quote", async () => {
    const response = await get("/api/series?minPoints=2");
    expect(response.statusCode).toBe(200);
    const { series, citations } = response.json() as { series: SeriesRow[]; citations: unknown[] };
    expect(series.length).toBeGreaterThanOrEqual(20);
    for (const one of series) {
      expect(one.points.length, one.key).toBeGreaterThanOrEqual(2);
      const asOfs = one.points.map((point) => point.asOf);
      expect(asOfs).toEqual([...asOfs].sort().reverse());
      for (const point of one.points) {
        // The number as printed, not a qualifier like "hơn" that any quote may hold.
        expect(point.quote).toContain(point.text.match(/\d[\d.,/]*/u)?.[0] ?? point.text);
        expect(citations[point.citation]).toMatchObject({ doc: point.doc });
      }
    }
    const online = series.find((one) => one.measure === "tỷ lệ hồ sơ trực tuyến của bộ, ngành");
    expect(online).toMatchObject({ kind: "percent", unit: "%" });
    expect(online?.points.map((point) => [point.text, point.asOf, point.doc])).toEqual([
      ["59,57%", "2025-01", "bao-cao-290-bc-tcttkda-2025-02-04"],
      ["30,24%", "2023-12-21", "ket-luan-hoi-nghi-2-nam-de-an-06-2023-12-21"],
    ]);
  });

  it("finds the series a phrase names, keeping issued and approved accounts apart", async () => {
    const response = await get(`/api/series?measure=${encodeURIComponent("tài khoản VNeID")}`);
    expect(response.statusCode).toBe(200);
    const keys = (response.json().series as SeriesRow[]).map((one) => one.key);
    const approved = seriesKeyOf("bao-cao-tong-ket-de-an-06-2025", "67 triệu");
    const issued = seriesKeyOf("ket-luan-hoi-nghi-2-nam-de-an-06-2023-12-21", "trên 70 triệu");
    expect(approved).not.toBe(issued);
    expect(keys).toEqual(expect.arrayContaining([approved, issued]));
  });

  it.each([
    ["an empty measure", "/api/series?measure=%20"],
    ["zero points", "/api/series?minPoints=0"],
    ["a non-number", "/api/series?limit=many"],
    ["an unknown field", "/api/series?measures=vneid"],
  ])("rejects %s with 400", async (_name, url) => {
    const response = await get(url);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("BAD_REQUEST");
  });
});

describe("GET /api/figures?measure=", () => {
  it("gives one series' figures for its key", async () => {
    const key = seriesKeyOf("bao-cao-tong-ket-de-an-06-2025", "67 triệu");
    const response = await get(`/api/figures?measure=${encodeURIComponent(key)}`);
    expect(response.statusCode).toBe(200);
    const figures = response.json().figures as Array<{ text: string; series: string; measure: string }>;
    expect(figures.map((figure) => figure.text)).toContain("67 triệu");
    for (const figure of figures) expect(figure.series).toBe(key);
    expect(figures[0]?.measure).toBe("tài khoản VNeID được phê duyệt");
  });

  it("gives the figures of every series a phrase names, and only those", async () => {
    const response = await get(
      `/api/figures?measure=${encodeURIComponent("tài khoản VNeID được phê duyệt")}`,
    );
    const texts = (response.json().figures as Array<{ text: string }>).map((figure) => figure.text);
    expect(texts).toContain("67 triệu");
    expect(texts).not.toContain("trên 70 triệu");
    expect(texts).not.toContain("trên 60 triệu");
  });

  it("rejects an empty measure with 400", async () => {
    const response = await get("/api/figures?measure=");
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("BAD_REQUEST");
  });
});
