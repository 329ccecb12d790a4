import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DeskError } from "../core/errors";
import { readPdfText } from "../ingest/load-pdf";
import { BAO_CAO_MAU, makePdf } from "./support/make-pdf";

const FIXTURE = join(import.meta.dirname, "fixtures", "bao-cao-mau.pdf");
const CONSOLE_METHODS = ["log", "info", "warn", "error", "debug"] as const;

/** A one-page PDF with an /Encrypt dictionary whose keys match no password, the empty one included. */
function encryptedPdf(): Uint8Array {
  const key = "8".repeat(64);
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    `<< /Filter /Standard /V 1 /R 2 /O <${key}> /U <${key}> /P -4 >>`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${"0".repeat(32)}> <${"0".repeat(32)}>] >>\n`;
  body += `startxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

async function rejection(promise: Promise<unknown>): Promise<DeskError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DeskError);
  return error as DeskError;
}

describe("readPdfText", () => {
  it("reads the fixture's two pages as lines, pages split by form feeds, in NFC", async () => {
    const { text, pageCount } = await readPdfText(readFileSync(FIXTURE));
    expect(pageCount).toBe(2);
    expect(text).toBe(text.normalize("NFC"));
    const pages = text.split("\f");
    expect(pages).toHaveLength(2);
    const [first = "", second = ""] = pages;
    expect(first.split("\n")).toEqual(BAO_CAO_MAU[0]);
    expect(first).toContain("88,5 triệu thẻ căn cước công dân");
    expect(first).not.toContain("61,2 triệu");
    expect(second).toContain("Đã kích hoạt 61,2 triệu tài khoản định danh điện tử.");
    expect(second.split("\n")).toHaveLength(4);
  });

  it("accepts a Uint8Array and leaves the caller's bytes intact", async () => {
    const bytes = new Uint8Array(readFileSync(FIXTURE));
    const before = bytes.byteLength;
    await readPdfText(bytes);
    expect(bytes.byteLength).toBe(before);
    expect((await readPdfText(bytes)).pageCount).toBe(2);
  });

  it("keeps an empty page as an empty segment so later pages keep their numbers", async () => {
    const { text, pageCount } = await readPdfText(await makePdf([["Trang một"], [], ["Trang ba"]]));
    expect(pageCount).toBe(3);
    expect(text.split("\f")).toEqual(["Trang một", "", "Trang ba"]);
  });

  it("rejects garbage, empty and truncated bytes with CORPUS_UNREADABLE", async () => {
    const fixture = readFileSync(FIXTURE);
    const inputs = [
      new TextEncoder().encode("this is not a PDF at all"),
      new Uint8Array(0),
      fixture.subarray(0, Math.floor(fixture.length / 2)),
    ];
    for (const input of inputs) {
      const error = await rejection(readPdfText(input));
      expect(error.code).toBe("CORPUS_UNREADABLE");
      expect(error.message).toMatch(/^the PDF cannot be read: /);
    }
  });

  it("rejects a password-protected PDF with CORPUS_UNREADABLE and says why", async () => {
    const error = await rejection(readPdfText(encryptedPdf()));
    expect(error.code).toBe("CORPUS_UNREADABLE");
    expect(error.message).toContain("password");
  });

  it("rejects a PDF without any text (a scan) with CORPUS_UNREADABLE", async () => {
    const error = await rejection(readPdfText(await makePdf([[]])));
    expect(error.code).toBe("CORPUS_UNREADABLE");
    expect(error.message).toContain("no text layer");
  });

  it("writes nothing to the console, even for unreadable files", async () => {
    // test/support/no-console.ts makes console calls throw, but pdf.js could swallow that throw; the spies
    // still record the call.
    await readPdfText(readFileSync(FIXTURE));
    await readPdfText(readFileSync(FIXTURE).subarray(0, 5000)).catch(() => undefined);
    for (const method of CONSOLE_METHODS) expect(console[method]).not.toHaveBeenCalled();
  });
});
