import { existsSync } from "node:fs";
import type { LoadedIndex } from "../index/read";
import { listedRegister } from "./listed-register";
import { DEFAULT_REGISTER_GOLD, describeRegisterScore, scoreRegister } from "./register-score";

/**
 * The register's recall, precision and bodies as one line for `npm run eval`; undefined when there is no
 * gold register (a fresh clone without `../shared`), so the eval skips it quietly.
 */
export function registerSummary(
  index: LoadedIndex,
  today: string,
  goldPath: string = DEFAULT_REGISTER_GOLD,
): string | undefined {
  if (!existsSync(goldPath)) return undefined;
  return describeRegisterScore(scoreRegister(listedRegister(index, today), goldPath));
}
