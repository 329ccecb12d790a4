import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { fold } from "./text";

/**
 * Vietnam's provinces and centrally run cities (`core/places.json`, data not code): the names a
 * "which province?" question expects, and places a question may name that a report does not.
 */
let cached: { names: string[]; folded: string[] } | undefined;

export function placeNames(): string[] {
  if (!cached) {
    const path = fileURLToPath(new URL("./places.json", import.meta.url));
    const names = z.array(z.string()).parse(JSON.parse(readFileSync(path, "utf8")));
    cached = { names, folded: names.map((name) => fold(name)) };
  }
  return cached.names;
}

/** The provinces and cities a text names, folded (`Điện Biên (33,25%)` → `dien bien`). */
export function placesIn(text: string): string[] {
  placeNames();
  const folded = fold(text);
  return (cached?.folded ?? []).filter((name) => {
    for (let at = folded.indexOf(name); at !== -1; at = folded.indexOf(name, at + 1)) {
      const before = folded[at - 1] ?? "";
      const after = folded[at + name.length] ?? "";
      if (!/\p{L}/u.test(before) && !/\p{L}/u.test(after)) return true;
    }
    return false;
  });
}

/** Whether a text names a province or city (`Điện Biên (33,25%)`, `TP. Hồ Chí Minh`). */
export function namesPlace(text: string): boolean {
  return placesIn(text).length > 0;
}
