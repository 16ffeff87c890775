/**
 * The "before" of a generated image: the input image a node changed to make it, when the node
 * definition says its outputs compare with an input (`compareWithInput` in lib/nodes). Pure module.
 */
import { getNodeDefinition } from "@/lib/nodes";

/**
 * The asset id of the image `provenance` says was changed, or null (uploads, generations from
 * text, nodes that do not change an input image).
 * @param provenance an asset's `provenance` (`{ nodeType, parentAssetIds, … }`) or null.
 */
export function beforeAssetIdOf(provenance: Record<string, unknown> | null | undefined): string | null {
  if (!provenance || typeof provenance.nodeType !== "string") return null;
  if (!getNodeDefinition(provenance.nodeType)?.compareWithInput) return null;
  const parents = provenance.parentAssetIds;
  const first = Array.isArray(parents) ? parents[0] : undefined;
  return typeof first === "string" && first ? first : null;
}
