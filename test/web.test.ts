import type { FastifyInstance } from "fastify";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer, Citation } from "../answer/answer-types";
import { buildApp } from "../bot/app";
import { WEB_DIST } from "../bot/web/build";
import { displayDate, excerpt, findInQuote, pressLine } from "../bot/web/format";
import { CHROMIUM_PATH, hasChromium, openBrowser, screenshot, type TestBrowser } from "./support/browser";
import { testDeps } from "./support/desk";

/**
 * The web page in a real browser against the real API and corpus: ask, copy a citation, filter
 * deadlines, follow a citation into a document, switch language, and the not-found and error messages.
 * Runs in one page in order, like a reader would, to stay fast.
 */
describe("web page wording", () => {
  const sentence =
    "4.1. Đến nay, Bộ Công an đã cấp trên 87,9 triệu thẻ căn cước công dân gắn chip; thu nhận trên 80,1 triệu hồ sơ định danh điện tử (tăng hơn 300 nghìn hồ sơ so với tháng 12/2024), kích hoạt trên 60 triệu tài khoản (tăng khoảng 200 nghìn tài khoản so với tháng 12/2024, tỷ lệ kích hoạt trên tổng số hồ sơ thu nhận đạt 73,03%).";
  const citation: Citation = {
    doc: "bao-cao-290-bc-tcttkda-2025-02-04",
    title: "Báo cáo tình hình, kết quả triển khai Đề án 06/CP tháng 01/2025",
    number: "290/BC-TCTTKĐA",
    date: "2025-02-04",
    quote: sentence,
    label: "Báo cáo số 290/BC-TCTTKĐA",
    issuer: "Tổ Công tác triển khai Đề án 06",
    asOf: "2025-01",
    start: 0,
    end: sentence.length,
  };

  it("shows ISO dates the Vietnamese way", () => {
    expect(displayDate("2025-02-04")).toBe("04/02/2025");
    expect(displayDate("2025-01")).toBe("01/2025");
    expect(displayDate("2025")).toBe("2025");
  });

  it("copies the clause around the figure, verbatim, in a press-ready line", () => {
    const spot = findInQuote(sentence, "trên 87,9 triệu");
    const quoted = excerpt(sentence, spot?.start ?? -1, spot?.end ?? -1);
    expect(pressLine(citation, quoted, "vi", true)).toBe(
      'Theo Báo cáo số 290/BC-TCTTKĐA ngày 04/02/2025 của Tổ Công tác triển khai Đề án 06: "…Bộ Công an đã cấp trên 87,9 triệu thẻ căn cước công dân gắn chip…"',
    );
    expect(pressLine(citation, quoted, "vi", false)).toMatch(/^Theo Báo cáo số 290\/BC-TCTTKĐA của Tổ/);
  });

  it("never cuts a parenthesis open and keeps every excerpt a piece of the quote", () => {
    for (const figure of ["trên 80,1 triệu", "300 nghìn", "trên 60 triệu", "73,03%"]) {
      const spot = findInQuote(sentence, figure);
      const quoted = excerpt(sentence, spot?.start ?? -1, spot?.end ?? -1);
      expect(quoted).toContain(figure);
      for (const piece of quoted.split("…").filter(Boolean)) expect(sentence).toContain(piece);
      expect(quoted.split("(").length).toBe(quoted.split(")").length);
    }
  });
});

const SKIP_REASON = `skipped: ${CHROMIUM_PATH} is missing (apt-get install -y chromium)`;

describe.skipIf(!hasChromium())(`web page in Chromium${hasChromium() ? "" : ` (${SKIP_REASON})`}`, () => {
  let app: FastifyInstance;
  let browser: TestBrowser;
  let page: Page;
  let origin: string;
  const requestedUrls: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await buildApp({ desk: () => testDeps(), webRoot: WEB_DIST });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    if (!address || typeof address === "string") throw new Error("the server has no TCP address");
    origin = `http://127.0.0.1:${address.port}`;
    browser = await openBrowser(origin);
    page = browser.page;
    // Every fresh load starts in Vietnamese, whatever an earlier test switched to.
    await page.addInitScript(() => {
      // about:blank, loaded between tests, has no storage.
      if (location.protocol === "http:") localStorage.setItem("figures-desk-language", "vi");
    });
    // Waits shorter than the 30 s test timeout, so a failing step says which one it was; long enough for
    // an answer on a busy CI machine.
    page.setDefaultTimeout(15_000);
    page.on("request", (request) => requestedUrls.push(request.url()));
    page.on("pageerror", (error) => pageErrors.push(error.message));
    // A CSP violation (an inline style or script) is reported as a console error, not thrown. Failed loads
    // (the 503 the error test fakes, a fetch cut short by the next test's navigation) are not violations.
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) {
        pageErrors.push(message.text());
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A fresh load of the page at a route, so each test starts from a known state even if one before failed. */
  async function open(route: string): Promise<void> {
    await page.goto("about:blank");
    await page.goto(`${origin}/${route}`);
  }

  async function answerShown(question: string): Promise<void> {
    await page.waitForFunction(
      (asked) => document.querySelector<HTMLElement>(".result")?.dataset.question === asked,
      question,
    );
  }

  async function askQuestion(question: string): Promise<void> {
    const box = page.getByLabel(/^(Câu hỏi|Question)$/);
    await box.fill(question);
    await box.press("Enter");
    await answerShown(question);
  }

  const VNEID_QUESTION = "tai khoan vneid";
  const VNEID_ROUTE = "#/ask?q=tai+khoan+vneid";

  it("answers a question typed without diacritics with the figure, its date, quote and source", async () => {
    await open("");
    await expect(page.getByRole("heading", { level: 2, name: "Hỏi số liệu" }).isVisible()).resolves.toBe(
      true,
    );
    const placeholder = await page.getByLabel("Câu hỏi", { exact: true }).getAttribute("placeholder");
    expect(placeholder).toMatch(/^Ví dụ:/);

    await askQuestion(VNEID_QUESTION);
    await screenshot(page, "ask-answer", true);
    // Checked on the whole result first, so a wrong answer fails at once and shows what was answered.
    expect(await page.locator(".result").textContent()).toContain("67 triệu");
    const card = page.locator(".answer-card");
    await expect(card.locator(".figure-value").textContent()).resolves.toContain("67 triệu");
    await expect(card.locator(".as-of").textContent()).resolves.toMatch(/Số liệu đến (\d{2}\/)?\d{2}\/\d{4}/);
    await expect(card.locator(".source-line").textContent()).resolves.toContain("Báo cáo tổng kết");
    // The figure is highlighted inside the verbatim quote.
    await expect(card.locator("blockquote mark").textContent()).resolves.toContain("67 triệu");
    expect(page.url()).toContain(VNEID_ROUTE);
  });

  it("charts the metric's values across reports, each linked to its citation", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/ask",
      payload: { question: VNEID_QUESTION },
    });
    const { figures } = response.json() as Answer;
    await open(VNEID_ROUTE);
    await answerShown(VNEID_QUESTION);
    if (figures.length < 2) {
      await expect(page.locator(".timeline").count()).resolves.toBe(0);
      return;
    }
    const timeline = page.locator(".timeline");
    await expect(timeline.getByRole("heading", { name: "Số liệu qua các kỳ" }).isVisible()).resolves.toBe(
      true,
    );
    await expect(timeline.locator("svg circle").count()).resolves.toBe(figures.length);
    const links = await timeline
      .locator("tbody a")
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("href")));
    expect(links).toHaveLength(figures.length);
    for (const link of links) expect(link).toMatch(/^#\/documents\/.+\?start=\d+&end=\d+$/);
    const shownValues = await timeline.locator("tbody tr td:nth-child(2)").allTextContents();
    for (const figure of figures)
      expect(shownValues.some((value) => value.startsWith(figure.text))).toBe(true);
    await timeline.scrollIntoViewIfNeeded();
    await screenshot(page, "ask-timeline");
  });

  /** The citation the answer card leads with, as the API gives it: what the page must show and copy. */
  async function leadCitation(question: string): Promise<{ citation: Citation; figureText?: string }> {
    const response = await app.inject({ method: "POST", url: "/api/ask", payload: { question, lang: "vi" } });
    const answer = response.json() as Answer;
    const lead = answer.figures[0];
    const citation = answer.citations[lead?.citation ?? 0];
    if (!citation) throw new Error(`"${question}" has no citation: ${answer.answer}`);
    return { citation, ...(lead ? { figureText: lead.text } : {}) };
  }

  it("copies a press-ready citation with a verbatim excerpt of the quote", async () => {
    const { citation, figureText } = await leadCitation(VNEID_QUESTION);
    await open(VNEID_ROUTE);
    await answerShown(VNEID_QUESTION);
    await page.locator(".result").getByRole("button", { name: "Chép trích dẫn" }).first().click();
    await page.locator(".result .copy-status", { hasText: "Đã chép" }).first().waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());

    const line = /^Theo (.+?): "(.+)"$/s.exec(copied);
    expect(line, copied).not.toBeNull();
    expect(line?.[1]).toContain(citation.label);
    if (citation.number) expect(line?.[1]).toContain(citation.number);
    const excerpt = line?.[2] ?? "";
    if (figureText) expect(excerpt).toContain(figureText);
    const pieces = excerpt.split("…").filter(Boolean);
    expect(pieces.length).toBeGreaterThan(0);
    for (const piece of pieces) expect(citation.quote).toContain(piece);
  });

  it("shows the answer readably on a phone", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await open(VNEID_ROUTE);
      await answerShown(VNEID_QUESTION);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, "ask-answer-phone", true);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it("follows the citation into the document view with the quote marked and in view", async () => {
    const { citation } = await leadCitation(VNEID_QUESTION);
    await open(VNEID_ROUTE);
    await answerShown(VNEID_QUESTION);
    await page.locator(".result").getByRole("link", { name: "Xem đoạn trích trong văn bản" }).first().click();
    await page.locator("mark#cited-passage").waitFor();
    const marked = await page.locator("mark.cited-passage").allTextContents();
    expect(marked.join("")).toBe(citation.quote);
    await page.waitForFunction(() => {
      const box = document.querySelector("#cited-passage")?.getBoundingClientRect();
      return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
    });
    await expect(page.locator("#document-heading").textContent()).resolves.toBe(citation.title);
    await screenshot(page, "document-cited-passage");
  });

  it("lists the documents with their figure and deadline counts", async () => {
    await open("#/ask");
    await page.getByRole("link", { name: "Văn bản", exact: true }).click();
    const rows = page.locator(".document-table tbody tr");
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(testDeps().index.documents.length);
    await expect(page.locator(".document-table").textContent()).resolves.toContain("290/BC-TCTTKĐA");
    await screenshot(page, "documents");
  });

  it("filters deadlines to a quarter, each row due in it and citing its document", async () => {
    await open("#/ask");
    await page.getByRole("link", { name: "Thời hạn", exact: true }).click();
    await page.getByLabel("Hạn trong", { exact: true }).selectOption({ label: "Quý I/2024" });
    expect(page.url()).toContain("period=2024-Q1");
    const rows = page.locator(".deadline-table tbody tr");
    await rows.first().waitFor();
    const dueDates = await rows
      .locator("time.due-date")
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("datetime")));
    expect(dueDates.length).toBeGreaterThan(0);
    for (const due of dueDates)
      expect(due && due >= "2024-01-01" && due <= "2024-03-31", String(due)).toBe(true);
    const criminalRecord = rows
      .filter({ hasText: "Phiếu lý lịch tư pháp" })
      .filter({ hasText: "Bộ Tư pháp" });
    await expect(criminalRecord.count()).resolves.toBeGreaterThan(0);
    await expect(criminalRecord.first().getByRole("link").getAttribute("href")).resolves.toMatch(
      /^#\/documents\/.+\?start=\d+&end=\d+$/,
    );

    await page.getByLabel("Trạng thái", { exact: true }).selectOption("past-due");
    const statuses = await rows.locator(".status").allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(["Quá hạn"]));
    await screenshot(page, "deadlines-quarter");
  });

  it("switches the interface to English", async () => {
    await open("#/deadlines?period=2024-Q1");
    await page.getByRole("button", { name: "English", exact: true }).click();
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    await expect(page.getByRole("heading", { level: 2 }).textContent()).resolves.toBe("Task deadlines");
    await expect(page.getByLabel("Due in", { exact: true }).inputValue()).resolves.toBe("2024-Q1");
    await expect(page.getByRole("link", { name: "Documents", exact: true }).isVisible()).resolves.toBe(true);
    await page.getByRole("link", { name: "Ask", exact: true }).click();
    await expect(page.getByRole("heading", { level: 2 }).textContent()).resolves.toBe("Ask for a figure");
    await askQuestion(VNEID_QUESTION);
    const copyButton = page.getByRole("button", { name: "Copy citation", exact: true }).first();
    await expect(copyButton.isVisible()).resolves.toBe(true);
    await expect(page.locator(".result .source-line").first().textContent()).resolves.toMatch(/^Source: /);
    await screenshot(page, "ask-english");
    await page.getByRole("button", { name: "Tiếng Việt", exact: true }).click();
    await expect(page.getByRole("heading", { level: 2 }).textContent()).resolves.toBe("Hỏi số liệu");
  });

  it("says clearly when the reports do not answer", async () => {
    await open("#/ask");
    await askQuestion("phi kich hoat tai khoan dinh danh dien tu muc 2 la bao nhieu tien");
    const notice = page.locator(".notice-not-found");
    await expect(notice.textContent()).resolves.toContain("không trả lời được câu hỏi này");
    await expect(page.locator(".lead-figure").count()).resolves.toBe(0);
    await screenshot(page, "ask-not-found");
  });

  it("shows the server's error message when a request fails", async () => {
    await page.route("**/api/ask", (route) =>
      route.fulfill({
        status: 503,
        contentType: "application/json",
        body: JSON.stringify({ error: { code: "INDEX_MISSING", message: "The index is not loaded yet." } }),
      }),
    );
    try {
      await open("#/ask");
      await askQuestion("so the can cuoc gan chip");
      const alert = page.getByRole("alert");
      await expect(alert.textContent()).resolves.toContain("The index is not loaded yet.");
      await expect(alert.textContent()).resolves.toContain("INDEX_MISSING");
      await screenshot(page, "ask-error");
    } finally {
      await page.unroute("**/api/ask");
    }
  });

  it("made no request outside its own server and broke no content security rule", () => {
    const foreign = requestedUrls.filter((url) => new URL(url).hostname !== "127.0.0.1");
    expect(foreign).toEqual([]);
    expect(requestedUrls.some((url) => url.endsWith("/page.js"))).toBe(true);
    expect(pageErrors, pageErrors.join("\n")).toEqual([]);
  });
});
