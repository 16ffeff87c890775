/**
 * In-memory ExecutionStore and AssetStore: for engine tests and the benchmark's
 * "in-memory persistence" figure. Not used by the studio (which persists with Prisma).
 */
import { createHash, randomUUID } from "node:crypto";
import sharp from "sharp";
import { convertFile } from "../../assets/convert-file";
import type { ImageRef } from "../../nodes/types";
import type { AssetProvenance, AssetStore, ExecutionStore, NodeRunPatch, NodeRunState, RunPatch } from "../types";

export function emptyNodeRun(nodeId: string, nodeType: string): NodeRunState {
  return {
    nodeId,
    nodeType,
    status: "queued",
    progress: 0,
    cached: false,
    cacheKey: null,
    model: null,
    modelReason: null,
    request: null,
    providerJobIds: [],
    outputs: [],
    error: null,
    attempts: 0,
    credits: null,
    startedAt: null,
    finishedAt: null,
  };
}

export class MemoryExecutionStore implements ExecutionStore {
  readonly runs = new Map<string, RunPatch>();
  readonly nodeRuns = new Map<string, Map<string, NodeRunState>>();
  /** Every patch in order, for assertions on the life cycle. */
  readonly log: Array<{ runId: string; nodeId?: string; patch: RunPatch | NodeRunPatch }> = [];

  constructor(private readonly record = true) {}

  async loadNodeRuns(runId: string): Promise<NodeRunState[]> {
    return [...(this.nodeRuns.get(runId)?.values() ?? [])].map((n) => ({ ...n }));
  }

  async updateRun(runId: string, patch: RunPatch): Promise<void> {
    this.runs.set(runId, { ...this.runs.get(runId), ...patch });
    if (this.record) this.log.push({ runId, patch });
  }

  async updateNodeRun(runId: string, nodeId: string, patch: NodeRunPatch): Promise<void> {
    let nodes = this.nodeRuns.get(runId);
    if (!nodes) this.nodeRuns.set(runId, (nodes = new Map()));
    const current = nodes.get(nodeId) ?? emptyNodeRun(nodeId, "");
    nodes.set(nodeId, { ...current, ...patch });
    if (this.record) this.log.push({ runId, nodeId, patch });
  }

  async createNodeRuns(runId: string, nodeRuns: ReadonlyArray<{ nodeId: string; nodeType: string }>): Promise<void> {
    let nodes = this.nodeRuns.get(runId);
    if (!nodes) this.nodeRuns.set(runId, (nodes = new Map()));
    for (const { nodeId, nodeType } of nodeRuns) if (!nodes.has(nodeId)) nodes.set(nodeId, emptyNodeRun(nodeId, nodeType));
  }

  async findCachedOutputs(cacheKey: string): Promise<ImageRef[] | null> {
    let found: NodeRunState | null = null;
    for (const nodes of this.nodeRuns.values()) {
      for (const node of nodes.values()) if (node.cacheKey === cacheKey && node.status === "succeeded") found = node;
    }
    return found ? found.outputs : null;
  }

  node(runId: string, nodeId: string): NodeRunState | undefined {
    return this.nodeRuns.get(runId)?.get(nodeId);
  }
}

export interface MemoryAsset {
  bytes: Buffer;
  mimeType: string;
  ref: ImageRef;
  provenance: AssetProvenance | null;
}

export class MemoryAssetStore implements AssetStore {
  readonly assets = new Map<string, MemoryAsset>();

  /**
   * Adds an uploaded file. An image's width and height are read from the bytes; other media
   * (video, audio, 3D) get 0 × 0 and carry their `mimeType` on the ref, as the studio's store does.
   */
  async add(bytes: Buffer, mimeType = "image/png", provenance: AssetProvenance | null = null): Promise<ImageRef> {
    const image = mimeType.startsWith("image/");
    const meta = image ? await sharp(bytes).metadata() : { width: 0, height: 0 };
    const id = `asset_${createHash("sha256").update(bytes).digest("hex").slice(0, 8)}_${randomUUID().slice(0, 8)}`;
    const ref: ImageRef = {
      assetId: id,
      url: `/api/assets/${id}/file`,
      width: meta.width ?? 0,
      height: meta.height ?? 0,
      ...(image ? {} : { mimeType }),
    };
    this.assets.set(id, { bytes, mimeType, ref, provenance });
    return ref;
  }

  async read(assetId: string) {
    const asset = this.assets.get(assetId);
    if (!asset) throw new Error(`asset ${assetId} does not exist`);
    return asset;
  }

  saveGenerated(input: { bytes: Buffer; mimeType: string; provenance: AssetProvenance }): Promise<ImageRef> {
    return this.add(input.bytes, input.mimeType, input.provenance);
  }

  convert = convertFile;
}
