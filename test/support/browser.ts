import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

/**
 * A real Chromium for the web page tests: the system browser (CI installs it with apt), headless, with a
 * fresh profile per run and no background traffic of its own, so every request seen came from the page.
 */
export const CHROMIUM_PATH = "/usr/bin/chromium";

export const SCREENSHOT_DIR = join("test-artifacts", "screenshots");

export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export interface TestBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openBrowser(origin: string): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  // A new context is a new, empty profile: no cache, storage or permissions carried between runs.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  const page = await context.newPage();
  return {
    browser,
    context,
    page,
    async close() {
      await context.close();
      await browser.close();
    },
  };
}

/** Saves `test-artifacts/screenshots/<name>.png`; `fullPage` for views longer than the window. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}
