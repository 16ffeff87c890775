/**
 * Output-cache keys (ARCHITECTURE.md "Execution": kind + parameters + model + seed + input
 * asset ids). The key is a content signature, never the node id (STYLE.md §5, after
 * ComfyUI's CacheKeySetInputSignature): two nodes that would send the same requests share it.
 */
import { createHash } from "node:crypto";

export interface CacheKeyInput {
  /** Node kind, e.g. "upscale". */
  type: string;
  /** Parsed parameters (defaults filled). */
  params: Record<string, unknown>;
  /** The model id actually used (after "auto" is resolved). */
  modelId: string;
  /** The seed sent, or null for kinds that take none. */
  seed: number | null;
  /** Per input port: the text, or the ordered studio asset ids. */
  inputs: Record<string, string | readonly string[] | undefined>;
}

/** JSON with object keys sorted at every depth, so key order never changes the signature. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
}

/** A sha256 hex digest of the node's content signature. */
export function computeCacheKey(input: CacheKeyInput): string {
  const { model: _ignored, ...params } = input.params;
  const signature = stableStringify({ v: 1, type: input.type, params, modelId: input.modelId, seed: input.seed, inputs: input.inputs });
  return createHash("sha256").update(signature).digest("hex");
}
