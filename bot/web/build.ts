import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

/**
 * Bundles the web page into static files for `@fastify/static`: one minified script (the CSP allows only
 * scripts from the page's own origin, so everything, dependencies included, goes into `page.js`), the
 * stylesheet and `index.html`. `npm run build:web` runs it; the test setup calls `buildWeb` once.
 */
const SOURCE_DIR = dirname(fileURLToPath(import.meta.url));

export const WEB_DIST = join(SOURCE_DIR, "dist");

const STATIC_FILES = ["index.html", "style.css"];

export async function buildWeb(outDir = WEB_DIST): Promise<string> {
  // A clean folder: a file left from an older build would still be served.
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(SOURCE_DIR, "page.ts")],
    outfile: join(outDir, "page.js"),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["es2022", "chrome109", "firefox115", "safari16"],
    minify: true,
    sourcemap: false,
    legalComments: "none",
    logLevel: "silent",
  });
  for (const file of STATIC_FILES) copyFileSync(join(SOURCE_DIR, file), join(outDir, file));
  return outDir;
}

function isRunDirectly(): boolean {
  const script = process.argv[1];
  return script !== undefined && import.meta.url === pathToFileURL(script).href;
}

if (isRunDirectly()) {
  const outDir = await buildWeb(process.argv[2] ?? WEB_DIST);
  process.stdout.write(`Built the web page into ${outDir}\n`);
}
