import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Bundles the web page into `bot/web/dist` (placeholder until the page exists). */
export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), "dist");

export async function buildWeb(outDir = WEB_DIST): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  return outDir;
}
