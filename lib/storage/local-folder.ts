/**
 * Asset bytes in a local folder (the default storage; S3-compatible later).
 *
 * Keys are relative paths made of lowercase letters, digits, `.`, `_` and `-`
 * segments separated by `/`, typically content-addressed: `ab/cd/<sha256>.png`
 * (see `contentKey`). Anything else (absolute paths, `..`, backslashes, empty
 * segments) is refused, so a key can never leave the root folder.
 *
 * Writes are atomic: bytes go to a temporary file in the same folder, then are
 * renamed over the final name, so a reader never sees a half-written file.
 *
 * Folders are created 0700 and files 0600 (owner only; see data-folder.ts).
 *
 * Server-only (node:fs).
 */
import { extensionFor } from "./file-extensions";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

export interface AssetStorage {
  /** Stores bytes under `key` (replacing what was there). @throws InvalidStorageKeyError */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes under `key`. @throws InvalidStorageKeyError; StorageKeyNotFoundError when absent. */
  get(key: string): Promise<Buffer>;
  /** Whether something is stored under `key`. @throws InvalidStorageKeyError */
  has(key: string): Promise<boolean>;
  /** Deletes `key`; no error when absent. @throws InvalidStorageKeyError */
  remove(key: string): Promise<void>;
}

export class InvalidStorageKeyError extends Error {
  constructor(readonly key: string) {
    super(`invalid storage key: ${JSON.stringify(key)}`);
    this.name = "InvalidStorageKeyError";
  }
}

export class StorageKeyNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`no stored object under key: ${key}`);
    this.name = "StorageKeyNotFoundError";
  }
}

const SEGMENT = /^[a-z0-9_-][a-z0-9._-]*$/;
const MAX_KEY_LENGTH = 512;

/** True when `key` is a valid storage key (see the module comment). */
export function isValidStorageKey(key: string): boolean {
  if (typeof key !== "string" || key.length === 0 || key.length > MAX_KEY_LENGTH) return false;
  return key.split("/").every((segment) => SEGMENT.test(segment) && segment !== "." && segment !== "..");
}

/** File extensions of the image types the studio stores. */

/**
 * Content-addressed key for bytes of a given type: `ab/cd/<sha256>.<ext>`.
 * @param sha256 lowercase hex SHA-256 of the bytes (64 characters).
 * @param mimeType e.g. "image/png"; the extension comes from file-extensions.ts ("bin" when unknown).
 * @throws InvalidStorageKeyError when `sha256` is not 64 hex characters.
 */
export function contentKey(sha256: string, mimeType: string): string {
  const hash = sha256.toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new InvalidStorageKeyError(sha256);
  return `${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}.${extensionFor(mimeType)}`;
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";
}

/**
 * Storage in `rootDir` (created on first write). Keys map to files below it.
 */
export function createLocalFolderStorage(rootDir: string): AssetStorage {
  const root = path.resolve(/*turbopackIgnore: true*/ rootDir);

  function fileOf(key: string): string {
    if (!isValidStorageKey(key)) throw new InvalidStorageKeyError(key);
    const file = path.resolve(/*turbopackIgnore: true*/ root, ...key.split("/"));
    // Belt and braces: the pattern already excludes every way out of `root`.
    if (!file.startsWith(root + path.sep)) throw new InvalidStorageKeyError(key);
    return file;
  }

  return {
    async put(key, bytes) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const temp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
      try {
        await writeFile(temp, bytes, { mode: 0o600 });
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true }).catch(() => {});
        throw error;
      }
    },
    async get(key) {
      const file = fileOf(key);
      try {
        return await readFile(file);
      } catch (error) {
        if (isNotFound(error)) throw new StorageKeyNotFoundError(key);
        throw error;
      }
    },
    async has(key) {
      const file = fileOf(key);
      try {
        return (await stat(file)).isFile();
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },
    async remove(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}
