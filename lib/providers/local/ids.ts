/**
 * Ids of the local engine's assets and jobs: `local_asset_<16 hex>` and `local_job_<16 hex>`.
 * The fixed shape lets the stores reject anything else before touching the file system.
 */
import { randomBytes } from "node:crypto";

export type LocalIdKind = "asset" | "job";

/** A new random id, e.g. `local_asset_9f86d081884c7d65`. */
export function newLocalId(kind: LocalIdKind): string {
  return `local_${kind}_${randomBytes(8).toString("hex")}`;
}

/** True when `id` has the exact shape {@link newLocalId} produces for `kind` (safe as a file name). */
export function isLocalId(kind: LocalIdKind, id: string): boolean {
  return new RegExp(`^local_${kind}_[0-9a-f]{16}$`).test(id);
}
