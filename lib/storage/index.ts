/**
 * The process-wide asset storage: a local folder at `<DATA_DIR>/assets`
 * (`DATA_DIR` defaults to `./data`, relative to the cwd), or an S3-compatible bucket when
 * `ASSET_STORAGE_URL=s3://bucket[/prefix]` (lib/storage/s3.ts; for several processes).
 *
 * Server-only.
 */
import path from "node:path";
import { type AssetStorage, createLocalFolderStorage } from "./local-folder";
import { createS3Storage, parseS3Url, s3ClientFromEnv } from "./s3";

export { type AssetStorage } from "./local-folder";

const GLOBAL_KEY = Symbol.for("workflow-studio.storage");
type StorageGlobal = typeof globalThis & { [GLOBAL_KEY]?: { root: string; storage: AssetStorage } };

/** Root folder of the default storage: `<DATA_DIR or ./data>/assets`, absolute. */
export function defaultStorageRoot(env: Record<string, string | undefined> = process.env): string {
  return path.join(path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR?.trim() || "./data"), "assets");
}

/**
 * The default storage (one per process and root; re-created if DATA_DIR or ASSET_STORAGE_URL
 * changes, which tests do).
 * @throws Error when ASSET_STORAGE_URL is set but not `s3://bucket[/prefix]`.
 */
export function getStorage(): AssetStorage {
  const g = globalThis as StorageGlobal;
  const url = process.env.ASSET_STORAGE_URL?.trim();
  const root = url || defaultStorageRoot();
  const cached = g[GLOBAL_KEY];
  if (cached && cached.root === root) return cached.storage;
  const storage = url ? createS3Storage(s3ClientFromEnv(), parseS3Url(url)) : createLocalFolderStorage(root);
  g[GLOBAL_KEY] = { root, storage };
  return storage;
}
