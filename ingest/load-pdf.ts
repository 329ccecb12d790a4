import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { PDFDocumentLoadingTask } from "pdfjs-dist/legacy/build/pdf.mjs";
import { DeskError } from "../core/errors";

/**
 * Text of a PDF through pdf.js: one line per printed line, pages separated by form feeds (`\f`) so the
 * cleaner can number them (page N is the N-th `\f`-separated segment), NFC throughout.
 */
export interface PdfText {
  text: string;
  pageCount: number;
}

type PageProxy = Awaited<ReturnType<Awaited<PDFDocumentLoadingTask["promise"]>["getPage"]>>;
type ContentItem = Awaited<ReturnType<PageProxy["getTextContent"]>>["items"][number];

// Only fetched for PDFs that use fonts or CMaps they do not embed (old Word exports with plain Times New
// Roman, CJK encodings); without them pdf.js falls back to guesses that can garble the text.
const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
const CMAP_URL = `${join(PDFJS_ROOT, "cmaps")}/`;
const STANDARD_FONT_DATA_URL = `${join(PDFJS_ROOT, "standard_fonts")}/`;

/** A baseline shift under this share of the font size is a superscript (footnote marker), not a new line. */
const NEW_LINE_SHIFT = 0.5;
/** A horizontal gap over this share of the font size separates words that pdf.js left unspaced. */
const WORD_GAP = 0.15;

/**
 * pdf.js weighs about 200 MB of memory once loaded, so it is imported only when a PDF is actually read,
 * never by the server answering questions.
 */
async function loadPdfJs(): Promise<typeof import("pdfjs-dist/legacy/build/pdf.mjs")> {
  // Node has no web workers, so pdf.js runs its worker in this thread. Importing the worker module first
  // registers it on globalThis; otherwise pdf.js imports it by a relative path at run time, which breaks
  // once this file is bundled.
  await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
  return import("pdfjs-dist/legacy/build/pdf.mjs");
}

export async function readPdfText(bytes: Uint8Array | Buffer): Promise<PdfText> {
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  // pdf.js refuses Buffers and transfers the array it is given to its worker, detaching it: hand it a copy.
  const loadingTask = getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_DATA_URL,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    // Warnings about damaged but readable files would go straight to the console.
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    const document = await loadingTask.promise;
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      try {
        const content = await page.getTextContent();
        pages.push(pageText(content.items));
      } finally {
        page.cleanup();
      }
    }
    if (pages.every((page) => page === "")) {
      throw new DeskError(
        "CORPUS_UNREADABLE",
        "the PDF has no text layer (it is probably a scan); run it through OCR and ingest the text",
      );
    }
    return { text: pages.join("\f").normalize("NFC"), pageCount: document.numPages };
  } catch (error) {
    throw unreadable(error);
  } finally {
    // Destroying the task also destroys the document and its fake worker, which hold the parsed file.
    await loadingTask.destroy();
  }
}

/**
 * Rebuilds printed lines from pdf.js text items. Positions are measured along the text's own direction, so
 * rotated text (landscape tables) still reads as lines. Blank lines are dropped: the cleaner reads a run of
 * blank lines as a page break.
 */
function pageText(items: ContentItem[]): string {
  const lines: string[] = [];
  let line = "";
  let baseline = 0;
  let lineSize = 0;
  let end = 0;
  const endLine = () => {
    const trimmed = line.trim();
    if (trimmed !== "") lines.push(trimmed);
    line = "";
  };
  for (const item of items) {
    if (!("str" in item)) continue;
    if (item.str !== "") {
      const [a = 1, b = 0, c = 0, d = 1, x = 0, y = 0] = item.transform as number[];
      const scale = Math.hypot(a, b) || 1;
      const along = (x * a + y * b) / scale;
      const across = (y * a - x * b) / scale;
      const size = Math.hypot(c, d) || item.height || 1;
      if (line !== "") {
        const gap = along - end;
        if (Math.abs(across - baseline) > NEW_LINE_SHIFT * Math.max(size, lineSize)) {
          endLine();
        } else if ((gap > WORD_GAP * size || gap < -size) && !/\s$/.test(line) && !/^\s/.test(item.str)) {
          line += " ";
        }
      }
      // The line's baseline is its largest text, so a superscript does not drag it up.
      if (line === "" || size > lineSize) {
        baseline = across;
        lineSize = size;
      }
      line += item.str;
      end = along + item.width;
    }
    if (item.hasEOL) endLine();
  }
  endLine();
  return lines.join("\n");
}

function unreadable(error: unknown): DeskError {
  if (error instanceof DeskError) return error;
  // pdf.js errors cross its worker boundary as plain objects rebuilt with the original name and message.
  const name = error instanceof Error ? error.name : "";
  const detail = error instanceof Error ? error.message : String(error);
  if (name === "PasswordException") {
    return new DeskError(
      "CORPUS_UNREADABLE",
      "the PDF cannot be read: it is password-protected; save a copy without a password and ingest that",
      { cause: error },
    );
  }
  if (name === "InvalidPDFException") {
    return new DeskError(
      "CORPUS_UNREADABLE",
      `the PDF cannot be read: it is damaged, truncated or not a PDF (${detail}); download or export it again`,
      { cause: error },
    );
  }
  return new DeskError("CORPUS_UNREADABLE", `the PDF cannot be read: ${detail}`, { cause: error });
}
