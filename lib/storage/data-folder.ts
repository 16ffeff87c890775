/**
 * Owner-only permissions for the studio's data folder (`DATA_DIR`: embedded database, asset
 * bytes, offline engine jobs, the session-signing secret). Nobody but the account that runs
 * the studio may read or change any of it: folders 0700, files 0600 (an owner-executable file
 * keeps 0700).
 *
 * PGlite writes its template files with mode 666 whatever the process umask is, so the tree is
 * tightened after the database opens too (lib/db/client.ts), not only at start.
 *
 * Server-only (node:fs).
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** Modes of the data folder's contents. */
export const OWNER_ONLY = { dir: 0o700, file: 0o600, executable: 0o700 } as const;

/** The process umask that makes new files 0600 and new folders 0700. */
export const OWNER_ONLY_UMASK = 0o077;

const isGone = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";

/**
 * Creates `dir` (and missing parents) as 0700, and makes `dir` itself 0700 if it existed.
 * @throws Error from node:fs when it cannot be created (permissions, a file in the way).
 */
export function ensurePrivateFolder(dir: string): void {
  mkdirSync(/*turbopackIgnore: true*/ dir, { recursive: true, mode: OWNER_ONLY.dir });
  chmodSync(/*turbopackIgnore: true*/ dir, OWNER_ONLY.dir);
}

/**
 * Sets every folder under `root` (itself included) to 0700 and every file to 0600 (0700 when
 * the owner may execute it). Symbolic links are neither followed nor changed; entries removed
 * while walking are skipped.
 * @returns how many entries were changed.
 * @throws Error from node:fs other than a vanished entry.
 */
export function restrictToOwner(root: string): number {
  let changed = 0;
  const visit = (entry: string) => {
    let stat;
    try {
      stat = lstatSync(/*turbopackIgnore: true*/ entry);
    } catch (error) {
      if (isGone(error)) return;
      throw error;
    }
    if (stat.isSymbolicLink()) return;
    const mode = stat.isDirectory() ? OWNER_ONLY.dir : stat.mode & 0o100 ? OWNER_ONLY.executable : OWNER_ONLY.file;
    if ((stat.mode & 0o777) !== mode) {
      try {
        chmodSync(/*turbopackIgnore: true*/ entry, mode);
        changed++;
      } catch (error) {
        if (!isGone(error)) throw error;
      }
    }
    if (!stat.isDirectory()) return;
    let names: string[];
    try {
      names = readdirSync(/*turbopackIgnore: true*/ entry);
    } catch (error) {
      if (isGone(error)) return;
      throw error;
    }
    for (const name of names) visit(path.join(entry, name));
  };
  visit(root);
  return changed;
}

/** The data folder: `DATA_DIR` (default `./data`), absolute. */
export function dataFolderFromEnv(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR?.trim() || "./data");
}

/** What the studio keeps in its data folder (README, "Configuration"). */
export const DATA_FOLDER_ENTRIES = ["pglite", "pglite.lock", "assets", "local-engine", "auth-secret"] as const;

/** Folders never made 0700 even when DATA_DIR names them by mistake. */
function isSharedFolder(dir: string): boolean {
  return [path.parse(dir).root, os.homedir(), os.tmpdir(), process.cwd()].some((shared) => path.resolve(shared) === dir);
}

/**
 * At start: sets the process umask to 077 (new files 0600, folders 0700), creates the data
 * folder as 0700 and tightens what an earlier version left readable or writable by others:
 * the folder itself and the studio's entries in it (DATA_FOLDER_ENTRIES), nothing else, so a
 * DATA_DIR pointing at a shared folder (`/tmp`, the home folder) is not locked down.
 * @returns the data folder's absolute path and how many entries were changed.
 * @throws Error from node:fs when the folder cannot be created or changed.
 */
export function secureDataFolder(dataDir = dataFolderFromEnv()): { dataDir: string; changed: number } {
  process.umask(OWNER_ONLY_UMASK);
  const dir = path.resolve(/*turbopackIgnore: true*/ dataDir);
  if (isSharedFolder(dir)) mkdirSync(/*turbopackIgnore: true*/ dir, { recursive: true });
  else ensurePrivateFolder(dir);
  let changed = 0;
  for (const entry of DATA_FOLDER_ENTRIES) changed += restrictToOwner(path.join(dir, entry));
  return { dataDir: dir, changed };
}
