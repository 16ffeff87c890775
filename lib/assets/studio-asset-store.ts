/**
 * The engine's AssetStore over the studio's database and storage, for one team's run: it
 * reads only that team's assets (an id of another team's image in a graph reads as missing)
 * and records generated images as the team's.
 *
 * One store serves one run: the images it saved stay in memory (at most RUN_MEMORY_BYTES in
 * all) and are read back from there by the run's next nodes, without a database query or a
 * file read (issue 14). The Buffer read back is the one saved, so a provider that made it can
 * recognise its own bytes (lib/providers/local/asset-store.ts `idOf`).
 */
import { getAsset } from "../db/repositories/assets";
import type { AssetStore } from "../engine/types";
import type { ServerServices } from "../server/services";
import { toImageRef } from "./asset-dto";
import { convertFile } from "./convert-file";
import { storeGenerated } from "./store-media";
import type { UnpublishedAssets } from "./unpublished-assets";

/** Bytes of a run's saved images kept in memory for its next nodes: 256 MiB. */
export const RUN_MEMORY_BYTES = 256 * 1024 * 1024;

/**
 * @param options.unpublished the run's images whose rows its execution store writes with the node
 *   runs that publish them (lib/runs/prisma-execution-store.ts `createRunStores`); without it each
 *   generated image's row is written when it is saved.
 */
export function createStudioAssetStore(
  ctx: ServerServices,
  scope: { teamId?: string | null } = {},
  options: { unpublished?: UnpublishedAssets } = {},
): AssetStore {
  const { unpublished } = options;
  const teamScope = scope.teamId ? { teamId: scope.teamId } : {};
  const saved = new Map<string, Awaited<ReturnType<AssetStore["read"]>>>();
  let savedBytes = 0;
  return {
    async read(assetId) {
      const kept = saved.get(assetId);
      if (kept) return kept;
      const pending = unpublished?.get(assetId);
      if (pending) return { bytes: await ctx.storage.get(pending.storageKey), mimeType: pending.mimeType, ref: toImageRef(pending) };
      const asset = await getAsset(ctx.db, assetId, teamScope);
      if (!asset) throw new Error(`image asset "${assetId}" does not exist`);
      return { bytes: await ctx.storage.get(asset.storageKey), mimeType: asset.mimeType, ref: toImageRef(asset) };
    },
    async saveGenerated({ bytes, mimeType, provenance, width, height }) {
      const asset = await storeGenerated(ctx, {
        bytes,
        mimeType,
        size: width && height ? { width, height } : null,
        origin: "generated",
        provenance: provenance as unknown as Record<string, unknown>,
        runId: provenance.runId,
        nodeId: provenance.nodeId,
        teamId: scope.teamId ?? null,
        unpublished,
      });
      const ref = toImageRef(asset);
      if (savedBytes + bytes.byteLength <= RUN_MEMORY_BYTES) {
        saved.set(asset.id, { bytes, mimeType: asset.mimeType, ref });
        savedBytes += bytes.byteLength;
      }
      return ref;
    },
    convert: convertFile,
  };
}
