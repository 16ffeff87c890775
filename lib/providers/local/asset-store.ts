/**
 * Where the local engine keeps asset bytes: with a data folder as `<dataDir>/assets/<id>.<ext>`
 * (so another LocalProvider on the same folder, for example after a restart, can read them, and
 * memory stays bounded); without one, in memory for the provider's lifetime.
 *
 * With a data folder the most recently stored or read assets also stay in memory (at most
 * {@link RECENT_BYTES} in all), so the next operation of a run reads its input without going to
 * disk (issue 14); sizes in pixels are remembered when known, so validation does not decode
 * headers again; and bytes already stored (the very same Buffer, as a run hands an output back
 * to the next operation) are recognised by {@link idOf} instead of being stored twice.
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

/** Bytes of file-backed assets kept in memory, most recently used first out last: 128 MiB. */
export const RECENT_BYTES = 128 * 1024 * 1024;

/** Width and height in pixels (as displayed). */
export interface PixelSize {
  width: number;
  height: number;
}

/** Asset bytes by `local_asset_…` id; see the module comment for where they live. */
export class AssetStore {
  /** Bytes of every asset when there is no data folder. */
  private readonly memory = new Map<string, DownloadedAsset>();
  /** With a data folder: recently stored or read assets, least recently used first. */
  private readonly recent = new Map<string, DownloadedAsset>();
  private recentBytes = 0;
  /** File extension of assets known to be on disk (saves probing). */
  private readonly extensions = new Map<string, string>();
  /** Sizes in pixels given to `put`. */
  private readonly sizes = new Map<string, PixelSize>();
  /** The id each stored Buffer was stored under. */
  private readonly ids = new WeakMap<Buffer, string>();

  /** @param dataDir folder for persisted assets; undefined keeps everything in memory. */
  constructor(private readonly dataDir?: string) {}

  /**
   * Stores bytes of type `mimeType` under a new `local_asset_…` id; resolves once written.
   * @param size the image's size in pixels when the caller knows it (see {@link size}).
   */
  async put(bytes: Buffer, mimeType: StoredMimeType, size?: PixelSize): Promise<string> {
    const id = newLocalId("asset");
    if (this.dataDir) {
      const folder = path.join(this.dataDir, "assets");
      await mkdir(folder, { recursive: true, mode: 0o700 });
      await writeFile(path.join(folder, `${id}.${STORED_TYPES[mimeType]}`), bytes, { mode: 0o600 });
      this.extensions.set(id, STORED_TYPES[mimeType]);
      this.remember(id, { bytes, mimeType });
    } else {
      this.memory.set(id, { bytes, mimeType });
    }
    if (size) this.sizes.set(id, { width: size.width, height: size.height });
    this.ids.set(bytes, id);
    return id;
  }

  /** The id `bytes` (this very Buffer) was stored under, when it still is; else null. */
  async idOf(bytes: Buffer): Promise<string | null> {
    const id = this.ids.get(bytes);
    return id !== undefined && (await this.has(id)) ? id : null;
  }

  /** The size in pixels given when the asset was stored, or null. */
  size(id: string): PixelSize | null {
    return this.sizes.get(id) ?? null;
  }

  /** The asset's bytes and type, or null when the id is unknown. */
  async get(id: string): Promise<DownloadedAsset | null> {
    const cached = this.memory.get(id) ?? this.recent.get(id);
    if (cached) {
      if (this.recent.has(id)) this.remember(id, cached); // most recently used again
      return cached;
    }
    const found = await this.locate(id);
    if (!found) return null;
    const asset = { bytes: await readFile(found.file), mimeType: found.mimeType };
    this.remember(id, asset);
    return asset;
  }

  /** True when {@link get} would find the asset (checks the file without reading it). */
  async has(id: string): Promise<boolean> {
    return this.memory.has(id) || this.recent.has(id) || (await this.locate(id)) !== null;
  }

  /** Keeps a file-backed asset in memory, dropping the least recently used over RECENT_BYTES. */
  private remember(id: string, asset: DownloadedAsset): void {
    const previous = this.recent.get(id);
    if (previous) {
      this.recent.delete(id);
      this.recentBytes -= previous.bytes.byteLength;
    }
    if (asset.bytes.byteLength > RECENT_BYTES) return;
    this.recent.set(id, asset);
    this.recentBytes += asset.bytes.byteLength;
    for (const [oldId, old] of this.recent) {
      if (this.recentBytes <= RECENT_BYTES) break;
      this.recent.delete(oldId);
      this.recentBytes -= old.bytes.byteLength;
    }
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
