import { existsSync, readFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { z } from "zod";
import { findDates } from "../core/dates";
import { DeskError } from "../core/errors";
import { fold } from "../core/text";
import type { DocumentKind, DocumentMeta } from "../core/types";

/**
 * Document metadata: detected from the text where it is printed (`Số: 290 /BC-TCTTKĐA`, `Hà Nội, ngày 04
 * tháng 02 năm 2025`, the title under `BÁO CÁO`), overridden by `corpus/metadata.json`, and estimated from
 * the latest dates the text mentions when no date is printed (marked as estimated).
 */
export const METADATA_FILE = "metadata.json";

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "use YYYY, YYYY-MM or YYYY-MM-DD");

const overrideSchema = z
  .object({
    source: z.string(),
    title: z.string(),
    number: z.string(),
    issuer: z.string(),
    date: isoDate,
    asOf: isoDate,
    kind: z.enum(["report", "conclusion", "slides", "plan", "other"]),
    label: z.string(),
    aliases: z.array(z.string()),
  })
  .partial()
  .strict();

export type MetadataOverride = z.infer<typeof overrideSchema>;

const metadataFileSchema = z.record(z.string(), z.union([overrideSchema, z.string()]));

/** Reads `corpus/metadata.json`; a missing file means no overrides, a malformed one is an error that names the file. */
export function readMetadataFile(corpusDir: string): Record<string, MetadataOverride> {
  const path = join(corpusDir, METADATA_FILE);
  if (!existsSync(path)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new DeskError(
      "CORPUS_UNREADABLE",
      `${path} is not valid JSON (${(error as Error).message}). Fix or delete it.`,
    );
  }
  const result = metadataFileSchema.safeParse(parsed);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    throw new DeskError("CORPUS_UNREADABLE", `${path} has invalid entries: ${problems}`);
  }
  const overrides: Record<string, MetadataOverride> = {};
  for (const [file, entry] of Object.entries(result.data)) {
    if (typeof entry !== "string") overrides[file] = entry;
  }
  return overrides;
}

export function documentIdFor(file: string): string {
  return fold(basename(file, extname(file)))
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

const DOCUMENT_TYPES: Array<{ pattern: RegExp; kind: DocumentKind; name: string }> = [
  { pattern: /^BÁO CÁO\b/u, kind: "report", name: "Báo cáo" },
  { pattern: /^(?:THÔNG BÁO )?KẾT LUẬN\b/u, kind: "conclusion", name: "Kết luận" },
  { pattern: /^KẾ HOẠCH\b/u, kind: "plan", name: "Kế hoạch" },
  { pattern: /^THÔNG BÁO\b/u, kind: "other", name: "Thông báo" },
  { pattern: /^(?:QUYẾT ĐỊNH|NGHỊ QUYẾT|CHỈ THỊ|CÔNG VĂN|TỜ TRÌNH)\b/u, kind: "other", name: "Văn bản" },
];

export interface DetectedMetadata {
  title?: string;
  number?: string;
  date?: string;
  kind?: DocumentKind;
  latestMentioned?: string;
}

/** `Số: 290 /BC-TCTTKĐA` near the top. */
export function detectNumber(text: string): string | undefined {
  const match = /Số\s*:?\s*(\d+[\w.]*)\s*\/\s*([\p{Lu}Đ][\p{L}\d\-–/.]*)/u.exec(text.slice(0, 800));
  return match ? `${match[1]}/${match[2]}` : undefined;
}

/** `Hà Nội, ngày 04 tháng 02 năm 2025` near the top. */
export function detectIssueDate(text: string): string | undefined {
  const head = text.slice(0, 800);
  const match = /[\p{Lu}][\p{L}. ]{1,30},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/u.exec(head);
  if (!match) return undefined;
  return findDates(match[0])[0]?.iso;
}

function detectTitle(paragraphs: string[]): { title?: string; kind?: DocumentKind } {
  for (let index = 0; index < Math.min(paragraphs.length, 12); index++) {
    const paragraph = paragraphs[index]?.trim() ?? "";
    const type = DOCUMENT_TYPES.find((candidate) => candidate.pattern.test(paragraph));
    if (!type) continue;
    if (paragraph.split(/\s+/).length <= 3) {
      const next = paragraphs[index + 1]?.trim();
      const title = next && !/^Kính gửi/u.test(next) ? `${type.name} ${next}` : type.name;
      return { title, kind: type.kind };
    }
    return { title: paragraph, kind: type.kind };
  }
  return {};
}

// Dates written after these words are plans, not what the document reports on.
const FUTURE_CONTEXT =
  /(đảm bảo|bảo đảm|lộ trình|dự kiến|phấn đấu|kế hoạch|sẽ|phải|cần|hoàn thành|hiệu lực|trước|chậm nhất|đến hết)[^.;]{0,40}$/iu;

/** The latest date the text mentions as something that happened (not a plan or a deadline). */
export function latestMentionedDate(text: string): string | undefined {
  let latest: string | undefined;
  for (const mention of findDates(text)) {
    if (mention.precision !== "day" && mention.precision !== "month") continue;
    if (
      mention.cue &&
      ["truoc", "truoc ngay", "trong", "den het", "het", "cham nhat", "tu nay den het"].includes(mention.cue)
    )
      continue;
    if (FUTURE_CONTEXT.test(text.slice(Math.max(0, mention.start - 60), mention.start))) continue;
    if (!latest || mention.iso > latest) latest = mention.iso;
  }
  return latest;
}

export function detectMetadata(text: string): DetectedMetadata {
  const paragraphs = text.split("\n");
  const { title, kind } = detectTitle(paragraphs);
  const number = detectNumber(text);
  const date = detectIssueDate(text);
  const latestMentioned = latestMentionedDate(text);
  return {
    ...(title ? { title } : {}),
    ...(kind ? { kind } : {}),
    ...(number ? { number } : {}),
    ...(date ? { date } : {}),
    ...(latestMentioned ? { latestMentioned } : {}),
  };
}

function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

function fallbackLabel(title: string, number: string | undefined): string {
  if (number) return `${title.split(/\s+/)[0] ?? "Văn bản"} ${number}`;
  return title.length > 60 ? `${title.slice(0, 57)}…` : title;
}

/** Merges what the text shows with the metadata file: the file wins, estimates fill the gaps. */
export function buildDocumentMeta(
  file: string,
  text: string,
  override: MetadataOverride = {},
  options: { pages?: number; slides?: boolean } = {},
): DocumentMeta {
  const detected = detectMetadata(text);
  const title = override.title ?? detected.title ?? basename(file, extname(file));
  const number = override.number ?? detected.number;
  const printedDate = override.date ?? detected.date;
  const estimate = detected.latestMentioned ? monthOf(detected.latestMentioned) : undefined;
  const date = printedDate ?? estimate;
  const asOf = override.asOf ?? printedDate ?? estimate ?? new Date().toISOString().slice(0, 7);
  const kind = override.kind ?? (options.slides ? "slides" : detected.kind) ?? "other";
  const aliases = [...(override.aliases ?? [])];
  if (number) aliases.push(number, `số ${number.split("/")[0]}`);
  return {
    id: documentIdFor(file),
    file,
    title,
    dateEstimated: printedDate === undefined,
    asOf,
    asOfEstimated: override.asOf === undefined && printedDate === undefined,
    kind,
    label: override.label ?? fallbackLabel(title, number),
    aliases,
    ...(override.source ? { source: override.source } : {}),
    ...(number ? { number } : {}),
    ...(override.issuer ? { issuer: override.issuer } : {}),
    ...(date ? { date } : {}),
    ...(options.pages ? { pages: options.pages } : {}),
  };
}
