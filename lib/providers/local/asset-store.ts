/**
 * Where the local engine keeps asset bytes: with a data folder as `<dataDir>/assets/<id>.<ext>`
 * (so another LocalProvider on the same folder, for example after a restart, can read them, and
 * memory stays bounded); without one, in memory for the provider's lifetime.
 */
import { access, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { DownloadedAsset } from "../types";
import { isLocalId, newLocalId } from "./ids";

/** The types the store writes and serves (DownloadedAsset allows these three). */
export const STORED_TYPES = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
} as const;

export type StoredMimeType = keyof typeof STORED_TYPES;

/** Asset bytes by `local_asset_…` id; see the module comment for where they live. */
export class AssetStore {
  /** Bytes of every asset when there is no data folder. */
  private readonly memory = new Map<string, DownloadedAsset>();
  /** File extension of assets known to be on disk (saves probing). */
  private readonly extensions = new Map<string, string>();

  /** @param dataDir folder for persisted assets; undefined keeps everything in memory. */
  constructor(private readonly dataDir?: string) {}

  /** Stores bytes of type `mimeType` under a new `local_asset_…` id; resolves once written. */
  async put(bytes: Buffer, mimeType: StoredMimeType): Promise<string> {
    const id = newLocalId("asset");
    if (this.dataDir) {
      const folder = path.join(this.dataDir, "assets");
      await mkdir(folder, { recursive: true, mode: 0o700 });
      await writeFile(path.join(folder, `${id}.${STORED_TYPES[mimeType]}`), bytes, { mode: 0o600 });
      this.extensions.set(id, STORED_TYPES[mimeType]);
    } else {
      this.memory.set(id, { bytes, mimeType });
    }
    return id;
  }

  /** The asset's bytes and type, or null when the id is unknown. */
  async get(id: string): Promise<DownloadedAsset | null> {
    const cached = this.memory.get(id);
    if (cached) return cached;
    const found = await this.locate(id);
    return found ? { bytes: await readFile(found.file), mimeType: found.mimeType } : null;
  }

  /** True when {@link get} would find the asset (checks the file without reading it). */
  async has(id: string): Promise<boolean> {
    return this.memory.has(id) || (await this.locate(id)) !== null;
  }

  /** The asset's file in the data folder, trying each stored extension. */
  private async locate(id: string): Promise<{ file: string; mimeType: string } | null> {
    if (!this.dataDir || !isLocalId("asset", id)) return null;
    const known = this.extensions.get(id);
    for (const [mimeType, ext] of Object.entries(STORED_TYPES)) {
      if (known !== undefined && ext !== known) continue;
      const file = path.join(this.dataDir, "assets", `${id}.${ext}`);
      try {
        await access(file);
        this.extensions.set(id, ext);
        return { file, mimeType };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
    return null;
  }
}
