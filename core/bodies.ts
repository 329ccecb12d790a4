import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { fold } from "./text";

/**
 * Responsible bodies (ministries, agencies, provinces…) from `core/bodies.json`: who must do a task, and
 * who a question asks about ("what must Bộ Y tế finish?", "tasks of the Ministry of Health").
 */
const bodySchema = z.array(
  z.object({
    name: z.string(),
    aliases: z.array(z.string()).default([]),
    kind: z.string().default("agency"),
  }),
);

export type Body = z.infer<typeof bodySchema>[number];

export interface BodyMention {
  name: string;
  start: number;
  end: number;
}

interface AliasEntry {
  folded: string;
  name: string;
}

let cached: { bodies: Body[]; aliases: AliasEntry[] } | undefined;

function load(): { bodies: Body[]; aliases: AliasEntry[] } {
  if (cached) return cached;
  const path = fileURLToPath(new URL("./bodies.json", import.meta.url));
  const bodies = bodySchema.parse(JSON.parse(readFileSync(path, "utf8")));
  const aliases: AliasEntry[] = [];
  for (const body of bodies) {
    for (const alias of new Set([body.name, ...body.aliases])) {
      const folded = fold(alias).replace(/\s+/g, " ").trim();
      // Two-letter aliases ("bo") would match everywhere once folded.
      if (folded.length >= 3) aliases.push({ folded, name: body.name });
    }
  }
  // Longest first, so "bo lao dong - thuong binh va xa hoi" wins over "bo lao dong".
  aliases.sort((a, b) => b.folded.length - a.folded.length);
  cached = { bodies, aliases };
  return cached;
}

export function allBodies(): Body[] {
  return load().bodies;
}

function isWordBoundary(text: string, at: number): boolean {
  const char = text[at];
  return char === undefined || !/[\p{L}\p{N}]/u.test(char);
}

/** Every body named in the text, left to right, longest alias first, without overlaps. */
export function findBodies(text: string): BodyMention[] {
  const folded = fold(text);
  const taken: Array<[number, number]> = [];
  const mentions: BodyMention[] = [];
  for (const alias of load().aliases) {
    let from = 0;
    for (let at = folded.indexOf(alias.folded, from); at !== -1; at = folded.indexOf(alias.folded, from)) {
      const end = at + alias.folded.length;
      from = at + 1;
      if (!isWordBoundary(folded, at - 1) || !isWordBoundary(folded, end)) continue;
      if (taken.some(([start, stop]) => at < stop && end > start)) continue;
      taken.push([at, end]);
      mentions.push({ name: alias.name, start: at, end });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** The canonical name for a body typed in a question or filter ("bo y te", "Ministry of Health"). */
export function resolveBody(query: string): string | undefined {
  return findBodies(query)[0]?.name;
}
