import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { DeskError, describeError } from "../core/errors";
import { readPdfText } from "./load-pdf";

/**
 * Reads every report in the corpus folder: `.txt` and `.md` as UTF-8 text, `.pdf` through pdf.js with page
 * breaks kept as form feeds. A file that cannot be read is reported with the reason and skipped.
 */
export const SUPPORTED_EXTENSIONS = [".txt", ".md", ".pdf"] as const;

export interface LoadedFile {
  file: string;
  format: "txt" | "md" | "pdf";
  text: string;
  pageCount?: number;
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface LoadResult {
  files: LoadedFile[];
  skipped: SkippedFile[];
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** UTF-8 text that is not empty and not binary; anything else is CORPUS_UNREADABLE with a reason. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new DeskError("CORPUS_UNREADABLE", "the file is empty");
  if (bytes.includes(0))
    throw new DeskError("CORPUS_UNREADABLE", "the file is binary, not text (it contains NUL bytes)");
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new DeskError("CORPUS_UNREADABLE", "the file is not UTF-8 text; save it as UTF-8 and ingest again");
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: counting control characters is the point: they mark binary files.
  const controls = text.match(/[\u0001-\u0008\u000E-\u001F]/g)?.length ?? 0;
  if (controls > text.length * 0.01)
    throw new DeskError("CORPUS_UNREADABLE", "the file looks binary, not text");
  if (text.trim().length === 0) throw new DeskError("CORPUS_UNREADABLE", "the file has no text");
  return text;
}

/** Markdown to plain text: heading marks, links and code fences go, their words stay. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/^```.*$/gm, "")
    .replace(/^#{1,6}\s+/gm, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/^\s*>\s?/gm, "")
    .replace(/^\s*(?:---|\*\*\*|___)\s*$/gm, "");
}

export async function loadFile(directory: string, file: string): Promise<LoadedFile> {
  const bytes = readFileSync(join(directory, file));
  const extension = extname(file).toLowerCase();
  if (extension === ".pdf") {
    const pdf = await readPdfText(bytes);
    return { file, format: "pdf", text: pdf.text, pageCount: pdf.pageCount };
  }
  const text = decodeText(bytes);
  return extension === ".md"
    ? { file, format: "md", text: markdownToText(text) }
    : { file, format: "txt", text };
}

/** Report files in the folder, sorted by name so ingest is deterministic. */
export function listCorpusFiles(directory: string): string[] {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch (error) {
    throw new DeskError(
      "CORPUS_UNREADABLE",
      `Cannot read the corpus folder ${directory}: ${describeError(error)}. Set CORPUS_DIR to the folder holding the reports.`,
    );
  }
  return names
    .filter((name) =>
      SUPPORTED_EXTENSIONS.includes(extname(name).toLowerCase() as (typeof SUPPORTED_EXTENSIONS)[number]),
    )
    .filter((name) => !name.startsWith(".") && statSync(join(directory, name)).isFile())
    .sort();
}

export async function loadCorpus(directory: string): Promise<LoadResult> {
  const files: LoadedFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of listCorpusFiles(directory)) {
    try {
      files.push(await loadFile(directory, file));
    } catch (error) {
      skipped.push({ file, reason: error instanceof DeskError ? error.message : describeError(error) });
    }
  }
  return { files, skipped };
}
