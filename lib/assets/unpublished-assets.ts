/**
 * The generated images of one run whose Asset rows are not written yet (issue 12: one statement
 * per state change). The engine saves a node's images (bytes to storage at once), then writes the
 * node run that names them as its outputs: each row is inserted by that write, in the same
 * statement (lib/db/repositories/runs.ts `assets`), so nobody can see a node's outputs without
 * their rows, and a node's images cost no statement of their own. Rows no node run names (a node
 * that failed after saving some images) go with the run's next write of its own.
 * Server-only.
 */
import type { AssetRecord } from "../db/repositories/assets";

export class UnpublishedAssets {
  private readonly records = new Map<string, AssetRecord>();

  /** Holds `record` until a write publishes it. */
  add(record: AssetRecord): void {
    this.records.set(record.id, record);
  }

  /** The record of `assetId` while it is unpublished. */
  get(assetId: string): AssetRecord | undefined {
    return this.records.get(assetId);
  }

  /** Removes and returns the unpublished records among `assetIds` (a write that names them is about to insert them). */
  take(assetIds: Iterable<string>): AssetRecord[] {
    const taken: AssetRecord[] = [];
    for (const id of assetIds) {
      const record = this.records.get(id);
      if (!record) continue;
      this.records.delete(id);
      taken.push(record);
    }
    return taken;
  }

  /** Removes and returns every unpublished record. */
  takeAll(): AssetRecord[] {
    return this.take([...this.records.keys()]);
  }

  /** Holds records again whose write failed (the next write takes them). */
  restore(records: readonly AssetRecord[]): void {
    for (const record of records) this.records.set(record.id, record);
  }
}
