import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { DeskError, describeError } from "../core/errors";

/**
 * The index folder (`index/built`) is a symbolic link to one build in `index/builds/`. Ingest writes a
 * complete new build beside the old one, then swaps the link with one atomic rename, so a reader sees
 * either the old index or the new one, never half of each, and a killed ingest leaves the old one serving.
 */

/** How many finished builds to keep: the current one and the one before it (readers may still hold it). */
const BUILDS_KEPT = 2;

export function buildsDirFor(indexDir: string): string {
  return join(dirname(resolve(indexDir)), "builds");
}

/** Builds this process has started and not yet published or discarded. */
const writingHere = new Set<string>();
let buildsStarted = 0;

/** A fresh, empty folder for a new build, named after the process writing it (its number comes last). */
export function createBuildDir(indexDir: string): string {
  const buildsDir = buildsDirFor(indexDir);
  const stamp = new Date().toISOString().replace(/[-:.TZ]/g, "");
  buildsStarted++;
  const buildDir = join(buildsDir, `${basename(indexDir)}-${stamp}-${buildsStarted}-${process.pid}`);
  try {
    mkdirSync(buildDir, { recursive: true });
  } catch (error) {
    throw new DeskError(
      "WRITE_FAILED",
      `Cannot create ${buildDir}: ${describeError(error)}. Check that the disk has space and the folder is writable.`,
    );
  }
  writingHere.add(buildDir);
  return buildDir;
}

/** Removes a build that failed half-way, so it cannot fill the disk further. */
export function discardBuild(buildDir: string): void {
  writingHere.delete(buildDir);
  rmSync(buildDir, { recursive: true, force: true });
}

/**
 * An unfinished build that another ingest is still writing, in this process or in one still running:
 * `npm start` and `npm run fit` may both rebuild a stale index at once, and the first to finish removed
 * the other's folder under it.
 */
function stillBeingWritten(path: string): boolean {
  if (writingHere.has(path)) return true;
  const writer = Number(/-(\d+)$/.exec(path)?.[1]);
  if (!writer || writer === process.pid) return false;
  try {
    process.kill(writer, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function writeJson(buildDir: string, name: string, data: unknown): void {
  const path = join(buildDir, name);
  try {
    writeFileSync(path, JSON.stringify(data));
  } catch (error) {
    throw new DeskError(
      "WRITE_FAILED",
      `Cannot write ${path}: ${describeError(error)}. Check that the disk has space; the previous index is still in use.`,
    );
  }
}

function removeOldBuilds(buildsDir: string, current: string): void {
  const builds = readdirSync(buildsDir)
    .map((name) => join(buildsDir, name))
    .filter((path) => path !== current)
    .sort();
  // Unfinished builds (no manifest) from a killed ingest are removed too.
  const finished = builds.filter((path) => existsSync(join(path, "manifest.json")));
  const keep = new Set(finished.slice(-(BUILDS_KEPT - 1)));
  for (const path of builds) {
    if (keep.has(path) || (!finished.includes(path) && stillBeingWritten(path))) continue;
    rmSync(path, { recursive: true, force: true });
  }
}

/** Points the index link at the finished build with one atomic rename, then tidies old builds. */
export function publishBuild(indexDir: string, buildDir: string): void {
  const link = resolve(indexDir);
  const temporaryLink = `${link}.swap-${process.pid}`;
  try {
    if (existsSync(link) && !lstatSync(link).isSymbolicLink()) {
      // An index written before builds existed: move it aside so the link can take its place.
      renameSync(link, `${buildDir}.previous`);
    }
    rmSync(temporaryLink, { force: true });
    symlinkSync(relative(dirname(link), buildDir), temporaryLink);
    renameSync(temporaryLink, link);
  } catch (error) {
    throw new DeskError("WRITE_FAILED", `Cannot publish the new index at ${link}: ${describeError(error)}.`);
  }
  writingHere.delete(buildDir);
  removeOldBuilds(buildsDirFor(indexDir), buildDir);
}

/** The build the index link points to now, or undefined when there is none. */
export function currentBuild(indexDir: string): string | undefined {
  const link = resolve(indexDir);
  if (!existsSync(link)) return undefined;
  return lstatSync(link).isSymbolicLink() ? resolve(dirname(link), readlinkSync(link)) : link;
}
