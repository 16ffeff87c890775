/**
 * The engine's AssetStore over the studio's database and storage, for one team's run: it
 * reads only that team's assets (an id of another team's image in a graph reads as missing)
 * and records generated images as the team's.
 */
import { getAsset } from "../db/repositories/assets";
import type { AssetStore } from "../engine/types";
import type { ServerServices } from "../server/services";
import { toImageRef } from "./asset-dto";
import { convertFile } from "./convert-file";
import { storeGenerated } from "./store-media";

export function createStudioAssetStore(ctx: ServerServices, scope: { teamId?: string | null } = {}): AssetStore {
  const teamScope = scope.teamId ? { teamId: scope.teamId } : {};
  return {
    async read(assetId) {
      const asset = await getAsset(ctx.db, assetId, teamScope);
      if (!asset) throw new Error(`image asset "${assetId}" does not exist`);
      return { bytes: await ctx.storage.get(asset.storageKey), mimeType: asset.mimeType, ref: toImageRef(asset) };
    },
    async saveGenerated({ bytes, mimeType, provenance }) {
      const asset = await storeGenerated(ctx, {
        bytes,
        mimeType,
        origin: "generated",
        provenance: provenance as unknown as Record<string, unknown>,
        runId: provenance.runId,
        nodeId: provenance.nodeId,
        teamId: scope.teamId ?? null,
      });
      return toImageRef(asset);
    },
    convert: convertFile,
  };
}
