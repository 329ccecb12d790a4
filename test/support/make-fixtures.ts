import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BAO_CAO_MAU, makePdf } from "./make-pdf";

/**
 * Regenerates the committed PDF fixtures: `npx tsx test/support/make-fixtures.ts`.
 * Kept next to the helper so a fixture can be rebuilt when its text or the helper changes.
 */
const directory = join(import.meta.dirname, "..", "fixtures");
mkdirSync(directory, { recursive: true });
writeFileSync(join(directory, "bao-cao-mau.pdf"), await makePdf(BAO_CAO_MAU));
