import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { fold } from "./text";

/**
 * Vietnam's provinces and centrally run cities (`core/places.json`, data not code), with the other names
 * people write them by (`TP. HCM`, `Sài Gòn`): the names a "which province?" question expects, and the
 * places a question names that its answer must name too.
 */
const placeSchema = z.array(
  z.union([z.string(), z.object({ name: z.string(), aliases: z.array(z.string()).default([]) })]),
);

interface Place {
  name: string;
  /** The name and its aliases, folded. */
  forms: string[];
}

let cached: Place[] | undefined;

function places(): Place[] {
  if (!cached) {
    const path = fileURLToPath(new URL("./places.json", import.meta.url));
    cached = placeSchema.parse(JSON.parse(readFileSync(path, "utf8"))).map((entry) => {
      const { name, aliases } = typeof entry === "string" ? { name: entry, aliases: [] } : entry;
      return { name, forms: [name, ...aliases].map((form) => fold(form).replace(/\s+/g, " ")) };
    });
  }
  return cached;
}

export function placeNames(): string[] {
  return places().map((place) => place.name);
}

/** The provinces and cities a text names, by their canonical name (`TP. HCM` → `Hồ Chí Minh`). */
export function placesIn(text: string): string[] {
  const folded = fold(text).replace(/\s+/g, " ");
  return [...new Set(placeMentions(folded).map((mention) => mention.name))];
}

/** Whether a text names a province or city (`Điện Biên (33,25%)`, `TP. Hồ Chí Minh`). */
export function namesPlace(text: string): boolean {
  return placesIn(text).length > 0;
}

export interface PlaceMention {
  name: string;
  /** Every folded form of the place (its name and aliases). */
  forms: string[];
  start: number;
  end: number;
}

/** Where a folded text names provinces and cities, as whole words, in order. */
export function placeMentions(foldedText: string): PlaceMention[] {
  const found: PlaceMention[] = [];
  for (const place of places()) {
    for (const form of place.forms) {
      for (let at = foldedText.indexOf(form); at !== -1; at = foldedText.indexOf(form, at + 1)) {
        const end = at + form.length;
        if (/\p{L}/u.test(foldedText[at - 1] ?? "") || /\p{L}/u.test(foldedText[end] ?? "")) continue;
        found.push({ name: place.name, forms: place.forms, start: at, end });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The place named last before `offset` in a folded text (`dien bien (33,25%), ha nam (` → `Hà Nam`):
 * in a list of provinces with their figures, the one a figure belongs to.
 */
export function placeBefore(foldedText: string, offset: number): string | undefined {
  let last: PlaceMention | undefined;
  for (const mention of placeMentions(foldedText))
    if (mention.end <= offset && (!last || mention.end > last.end)) last = mention;
  return last?.name;
}
