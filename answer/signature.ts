import { fold } from "../core/text";
import type { CleanDocument } from "../core/types";
import type { QuoteSpot } from "./citations";

/**
 * Who signed a report: an official document ends with its signature block, the signer's position in
 * capitals ("KT. TỔ TRƯỞNG", "TỔ PHÓ THƯỜNG TRỰC", "BỘ TRƯỞNG, CHỦ NHIỆM") above the signer's name
 * ("Trung tướng Nguyễn Văn Long"). Slides and drafts have none.
 */
export interface Signature {
  signer: string;
  positions: string[];
  spot: QuoteSpot;
}

const ASKS_WHO_SIGNED = /\b(?:ai ky|nguoi ky|ky boi|ky ten|who signed|signed by|signator(?:y|ies)|signer)\b/;

export function asksWhoSigned(question: string): boolean {
  return ASKS_WHO_SIGNED.test(fold(question));
}

const SIGNER_NAME = /^(?:(?:Đại|Thượng|Trung|Thiếu)\s+tướng\s+)?\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4}$/u;
const MAX_POSITION_LINES = 4;
const MAX_POSITION_LENGTH = 80;
/** The end of a report read for its signature block: a few position lines and the name. */
const SIGNATURE_REACH = 600;

const isPosition = (line: string) =>
  line.length <= MAX_POSITION_LENGTH && /\p{Lu}{2}/u.test(line) && line === line.toUpperCase();

export function signatureOf(document: CleanDocument): Signature | undefined {
  const text = document.text.trimEnd();
  const lines = text.slice(-SIGNATURE_REACH).split("\n");
  const signer = lines.at(-1)?.trim() ?? "";
  if (!SIGNER_NAME.test(signer)) return undefined;
  const positions: string[] = [];
  for (let at = lines.length - 2; at >= 0 && positions.length < MAX_POSITION_LINES; at--) {
    const line = (lines[at] ?? "").trim();
    if (!isPosition(line)) break;
    positions.unshift(line);
  }
  if (positions.length === 0) return undefined;
  const start = text.lastIndexOf(positions[0] as string);
  return {
    signer,
    positions,
    spot: {
      docId: document.meta.id,
      sentence: text.slice(start),
      sentenceStart: start,
      sectionPath: [],
    },
  };
}
