import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig, processEnv } from "../core/config";
import { todayInVietnam } from "../core/dates";
import { silentLogger } from "../core/logger";
import { readIndex } from "../index/read";
import { runIngest } from "../ingest/pipeline";
import { listedRegister } from "./listed-register";
import {
  DEFAULT_REGISTER_GOLD,
  describeRegisterMisses,
  describeRegisterScore,
  scoreRegister,
} from "./register-score";

/**
 * `npm run eval:register [-- --gold FILE] [--misses]`: extracts the deadline register from the corpus as it
 * is now (a lexical-only build in a temporary folder, so code changes count without `ingest --force`) and
 * scores it against the hand-made register.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { gold: { type: "string" }, misses: { type: "boolean", default: false } },
  });
  const goldPath = values.gold ? resolve(values.gold) : DEFAULT_REGISTER_GOLD;
  if (!existsSync(goldPath)) {
    console.error(`No gold register at ${goldPath}.`);
    return 2;
  }
  const config = loadConfig(processEnv());
  const root = mkdtempSync(join(tmpdir(), "register-"));
  try {
    const indexDir = join(root, "index");
    await runIngest({ corpusDir: config.corpusDir, indexDir, logger: silentLogger });
    const score = scoreRegister(listedRegister(readIndex(indexDir), todayInVietnam()), goldPath);
    const lines = [describeRegisterScore(score), ...(values.misses ? describeRegisterMisses(score) : [])];
    process.stdout.write(`${lines.join("\n")}\n`);
    return 0;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

process.exitCode = await main();
