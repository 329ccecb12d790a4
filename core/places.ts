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

/** Whether a text names a province or city (`Điện Biên (33,25%)`, `TP. Hồ Chí Minh`). */
export function namesPlace(text: string): boolean {
  placeNames();
  const folded = fold(text);
  return (cached?.folded ?? []).some((name) => {
    const at = folded.indexOf(name);
    return (
      at !== -1 && !/[\p{L}]/u.test(folded[at - 1] ?? "") && !/[\p{L}]/u.test(folded[at + name.length] ?? "")
    );
  });
}
