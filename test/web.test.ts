import type { FastifyInstance } from "fastify";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../bot/app";
import { WEB_DIST } from "../bot/web/build";
import { CHROMIUM_PATH, hasChromium, openBrowser, screenshot, type TestBrowser } from "./support/browser";
import { testDeps } from "./support/desk";

/**
 * The web page in a real browser against the real API and corpus: ask, copy a citation, filter
 * deadlines, follow a citation into a document, switch language, and the not-found and error messages.
 * Runs in one page in order, like a reader would, to stay fast.
 */
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
    page.on("request", (request) => requestedUrls.push(request.url()));
    page.on("pageerror", (error) => pageErrors.push(error.message));
    // A CSP violation (an inline style or script) is reported as a console error, not thrown.
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function askQuestion(question: string): Promise<void> {
    const box = page.getByLabel(/^(Câu hỏi|Question)$/);
    await box.fill(question);
    await box.press("Enter");
    await page.locator(".result[aria-busy]").waitFor({ state: "detached" });
  }

  it("answers a question typed without diacritics with the figure, its date, quote and source", async () => {
    await page.goto(`${origin}/`);
    await expect(page.getByRole("heading", { level: 2, name: "Hỏi số liệu" }).isVisible()).resolves.toBe(
      true,
    );
    const placeholder = await page.getByLabel("Câu hỏi").getAttribute("placeholder");
    expect(placeholder).toMatch(/^Ví dụ:/);

    await askQuestion("tai khoan vneid");
    const card = page.locator(".answer-card");
    await expect(card.locator(".figure-value").textContent()).resolves.toContain("67 triệu");
    await expect(card.locator(".as-of").textContent()).resolves.toMatch(/Số liệu đến (\d{2}\/)?\d{2}\/\d{4}/);
    await expect(card.locator(".source-line").textContent()).resolves.toContain("Báo cáo tổng kết");
    // The figure is highlighted inside the verbatim quote.
    await expect(card.locator("blockquote mark").textContent()).resolves.toContain("67 triệu");
    expect(page.url()).toContain("#/ask?q=tai+khoan+vneid");
    await screenshot(page, "ask-answer");
  });

  it("copies a press-ready citation with a verbatim excerpt of the quote", async () => {
    const quote = (await page.locator(".answer-card blockquote").textContent()) ?? "";
    await page.locator(".answer-card").getByRole("button", { name: "Chép trích dẫn" }).click();
    await page.locator(".answer-card .copy-status", { hasText: "Đã chép" }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());

    const line = /^Theo (.+?): "(.+)"$/s.exec(copied);
    expect(line, copied).not.toBeNull();
    expect(line?.[1]).toContain("Báo cáo tổng kết");
    const excerpt = line?.[2] ?? "";
    expect(excerpt).toContain("67 triệu");
    for (const piece of excerpt.split("…").filter(Boolean)) expect(quote).toContain(piece);
  });

  it("shows the page readably on a phone", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "ask-answer-phone");
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("follows the citation into the document view with the quote marked and in view", async () => {
    const quote = (await page.locator(".answer-card blockquote").textContent()) ?? "";
    await page.locator(".answer-card").getByRole("link", { name: "Xem đoạn trích trong văn bản" }).click();
    const mark = page.locator("mark#cited-passage");
    await mark.waitFor();
    await expect(
      page
        .locator("mark.cited-passage")
        .allTextContents()
        .then((parts) => parts.join("")),
    ).resolves.toBe(quote);
    await page.waitForFunction(() => {
      const box = document.querySelector("#cited-passage")?.getBoundingClientRect();
      return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
    });
    await expect(page.locator("#document-heading").textContent()).resolves.toContain("Báo cáo tổng kết");
    await screenshot(page, "document-cited-passage");
  });

  it("lists the documents with their figure and deadline counts", async () => {
    await page.getByRole("link", { name: "Văn bản" }).click();
    const rows = page.locator(".document-table tbody tr");
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(testDeps().index.documents.length);
    await expect(page.locator(".document-table").textContent()).resolves.toContain("290/BC-TCTTKĐA");
    await screenshot(page, "documents");
  });

  it("filters deadlines to a quarter, each row due in it and citing its document", async () => {
    await page.getByRole("link", { name: "Thời hạn" }).click();
    const period = page.getByLabel("Hạn trong");
    await period.selectOption({ label: "Quý I/2024" });
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
    await expect(criminalRecord.first().locator("a").getAttribute("href")).resolves.toMatch(
      /^#\/documents\/.+\?start=\d+&end=\d+$/,
    );

    await page.getByLabel("Trạng thái").selectOption("past-due");
    await expect(rows.locator(".status").allTextContents()).resolves.toSatisfy((labels: string[]) =>
      labels.every((label) => label === "Quá hạn"),
    );
    await screenshot(page, "deadlines-quarter");
  });

  it("switches the interface to English", async () => {
    await page.getByRole("button", { name: /English/ }).click();
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    await expect(page.getByRole("heading", { level: 2 }).textContent()).resolves.toBe("Task deadlines");
    await expect(page.getByLabel("Due in").isVisible()).resolves.toBe(true);
    await page.getByRole("link", { name: "Ask" }).click();
    await askQuestion("how many VNeID accounts");
    await expect(page.getByRole("button", { name: "Copy citation" }).first().isVisible()).resolves.toBe(true);
    await expect(page.locator(".answer-card .as-of").textContent()).resolves.toMatch(/^As of/);
    await screenshot(page, "ask-english");
    await page.getByRole("button", { name: /Tiếng Việt/ }).click();
    await expect(page.getByRole("heading", { level: 2 }).textContent()).resolves.toBe("Hỏi số liệu");
  });

  it("says clearly when the reports do not answer", async () => {
    await askQuestion("phi kich hoat tai khoan dinh danh dien tu muc 2 la bao nhieu tien");
    const notice = page.locator(".notice-not-found");
    await expect(notice.textContent()).resolves.toContain("không trả lời được câu hỏi này");
    await expect(page.locator(".answer-card .lead-figure").count()).resolves.toBe(0);
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
    await askQuestion("so the can cuoc gan chip");
    const alert = page.getByRole("alert");
    await expect(alert.textContent()).resolves.toContain("The index is not loaded yet.");
    await expect(alert.textContent()).resolves.toContain("INDEX_MISSING");
    await screenshot(page, "ask-error");
    await page.unroute("**/api/ask");
  });

  it("made no request outside its own server and broke no content security rule", () => {
    const foreign = requestedUrls.filter((url) => new URL(url).hostname !== "127.0.0.1");
    expect(foreign).toEqual([]);
    expect(requestedUrls.some((url) => url.endsWith("/page.js"))).toBe(true);
    expect(pageErrors.filter((text) => !text.includes("503"))).toEqual([]);
  });
});
