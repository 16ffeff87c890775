/**
 * A lock file next to a PGlite data folder (`<dataDir>.lock`), so that a second
 * process (a second server, `npm run db:migrate` while the server runs) fails
 * with a clear message instead of opening the same folder: PGlite itself does
 * not prevent that, and two writers corrupt the database.
 *
 * The file holds `{ pid, hostname, createdAt }`. It is taken over when stale:
 * written on another host, its process no longer exists, or it names this very
 * process without this process holding it (a crash, or a PID reused after a
 * container restart).
 *
 * Server-only (node:fs).
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";

export class DataFolderInUseError extends Error {
  constructor(
    readonly lockPath: string,
    readonly pid: number,
  ) {
    super(
      `The database folder is in use by process ${pid} (lock ${lockPath}). ` +
        "Stop that process first; if none is running, delete the lock file.",
    );
    this.name = "DataFolderInUseError";
  }
}

interface LockContent {
  pid: number;
  hostname: string;
  createdAt: string;
}

/** Lock paths held by this process. */
const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(lockPath: string): LockContent | null {
  try {
    const parsed = JSON.parse(readFileSync(/*turbopackIgnore: true*/ lockPath, "utf8")) as Partial<LockContent>;
    return typeof parsed.pid === "number" ? (parsed as LockContent) : null;
  } catch {
    return null;
  }
}

function isStale(lockPath: string, lock: LockContent | null): boolean {
  if (!lock) return true; // unreadable or half-written: no owner to respect
  if (lock.hostname !== hostname()) return true;
  if (lock.pid === process.pid) return !held.has(lockPath);
  return !isAlive(lock.pid);
}

/**
 * Takes the lock of a PGlite data folder for this process.
 * @param dataDir absolute path of the data folder (its parent must exist).
 * @returns a release function (idempotent) to call after closing PGlite.
 * @throws DataFolderInUseError when a live process holds the lock (this one included).
 */
export function lockDataFolder(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(/*turbopackIgnore: true*/ lockPath, "wx", 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const lock = readLock(lockPath);
      if (!isStale(lockPath, lock)) throw new DataFolderInUseError(lockPath, lock!.pid);
      rmSync(/*turbopackIgnore: true*/ lockPath, { force: true });
      continue;
    }
    const content: LockContent = { pid: process.pid, hostname: hostname(), createdAt: new Date().toISOString() };
    writeSync(fd, JSON.stringify(content));
    closeSync(fd);
    held.add(lockPath);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      held.delete(lockPath);
      if (readLock(lockPath)?.pid === process.pid) rmSync(/*turbopackIgnore: true*/ lockPath, { force: true });
    };
  }
  throw new Error(`could not take the lock ${lockPath}`);
}
