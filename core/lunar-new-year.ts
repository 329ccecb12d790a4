/**
 * Tết Nguyên đán (the lunar new year) as a day: reports set limits by it ("từ nay đến Tết Nguyên đán Giáp
 * Thìn 2024", "trong dịp Tết Nguyên đán"). The day moves every year, so it comes from a table of the
 * Vietnamese lunar calendar (UTC+7); a year outside the table has no Tết day and the wording is not a date.
 */
const FIRST_DAY_OF_LUNAR_YEAR: Record<number, string> = {
  2020: "2020-01-25",
  2021: "2021-02-12",
  2022: "2022-02-01",
  2023: "2023-01-22",
  2024: "2024-02-10",
  2025: "2025-01-29",
  2026: "2026-02-17",
  2027: "2027-02-06",
  2028: "2028-01-26",
  2029: "2029-02-13",
  2030: "2030-02-03",
  2031: "2031-01-23",
  2032: "2032-02-11",
  2033: "2033-01-31",
  2034: "2034-02-19",
  2035: "2035-02-08",
};

// Heavenly stems and earthly branches, folded (no marks), in cycle order: Giáp Tý was 1984, 2044.
const STEMS = ["giap", "at", "binh", "dinh", "mau", "ky", "canh", "tan", "nham", "quy"];
const BRANCHES = ["ty", "suu", "dan", "mao", "thin", "ty", "ngo", "mui", "than", "dau", "tuat", "hoi"];
const CYCLE_START = 1984;

/** The regex alternatives for a stem and a branch, folded: `giap|at|…`, `ty|suu|…`. */
export const STEM_PATTERN = STEMS.join("|");
export const BRANCH_PATTERN = [...new Set(BRANCHES)].join("|");

/** Tết's day (`2024-02-10`) in a year of the table. */
export function lunarNewYearDay(year: number): string | undefined {
  return FIRST_DAY_OF_LUNAR_YEAR[year];
}

/**
 * The year between 2000 and 2059 a sexagenary name points to (`giap thin` → 2024). Folding makes Tý and
 * Tỵ both `ty`; a stem and a branch always share their parity, so the stem tells which one is meant.
 */
export function yearOfSexagenaryName(stem: string, branch: string): number | undefined {
  const stemIndex = STEMS.indexOf(stem);
  if (stemIndex < 0) return undefined;
  const branchIndex = BRANCHES.findIndex((name, index) => name === branch && index % 2 === stemIndex % 2);
  if (branchIndex < 0) return undefined;
  for (let year = 2000; year < 2060; year++) {
    const offset = year - CYCLE_START;
    if (offset % 10 === stemIndex && offset % 12 === branchIndex) return year;
  }
  return undefined;
}
