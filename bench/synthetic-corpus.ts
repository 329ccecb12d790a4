import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";

/**
 * A larger corpus for scaling runs: every report copied `copies` times with its figures, years and
 * place names varied, so copies do not collapse into identical postings and the index grows as a real
 * archive of monthly reports would.
 */
const PLACES = [
  "Hà Nội",
  "Huế",
  "Đà Nẵng",
  "Cần Thơ",
  "Hải Phòng",
  "Nghệ An",
  "Gia Lai",
  "Lào Cai",
  "Cà Mau",
  "Bắc Ninh",
];

function vary(text: string, copy: number): string {
  return text
    .replace(
      /\b(\d{1,3}),(\d{1,2})\b/g,
      (_match, whole: string, decimals: string) => `${(Number(whole) + copy) % 1000},${decimals}`,
    )
    .replace(/\b(20\d\d)\b/g, (year: string) => String(Number(year) + (copy % 5)))
    .replace(/Thừa Thiên Huế|Hà Nội|Đà Nẵng/g, () => PLACES[copy % PLACES.length] ?? "Hà Nội");
}

export function writeSyntheticCorpus(sourceDir: string, targetDir: string, copies: number): void {
  mkdirSync(targetDir, { recursive: true });
  const reports = readdirSync(sourceDir).filter((file) => [".txt", ".md"].includes(extname(file)));
  for (let copy = 0; copy < copies; copy++) {
    for (const file of reports) {
      const text = readFileSync(join(sourceDir, file), "utf8");
      writeFileSync(
        join(targetDir, `ban-${String(copy).padStart(3, "0")}-${file}`),
        copy === 0 ? text : vary(text, copy),
      );
    }
  }
}
