/**
 * The JSON shapes of runs in API responses and SSE messages, declared apart from the mappers
 * (./run-dto.ts reads Prisma rows) so the browser can import them: type-only, nothing here
 * reaches the server. Times are ISO 8601 strings; credits are CU; progress is 0 to 1.
 */
import type { NodeRunStatus, RunOutput, RunStatus } from "../engine/types";
import type { PickRecord } from "../engine/gate-node";
import type { ImageRef } from "../nodes/types";

/** One node's run: `GET /api/runs/:id` `run.nodes[]`. */
export interface NodeRunDto {
  nodeId: string;
  nodeType: string;
  status: NodeRunStatus;
  /** 0 to 1. */
  progress: number;
  cached: boolean;
  model: string | null;
  modelReason: string | null;
  error: string | null;
  /** CU. */
  credits: number | null;
  attempts: number;
  startedAt: string | null;
  finishedAt: string | null;
  /** What the node produced: images, or (Run model nodes) video, sound or other files. */
  outputs: ImageRef[];
  /** What the request builder left out or changed for the model ("GPT Image 2 takes no seed: …"). */
  notes: string[];
  /** Transform nodes: the text and list values by output port (the composed text, the split items). */
  values?: Record<string, string | string[]>;
  /** Transform nodes: output ports left empty (an If / else's branches not taken). */
  emptyPorts?: string[];
  /** For each loops: the items, on the For each, its body nodes and its End. */
  loopItems?: string[];
  /** A For each's body nodes: the node run of each item, in item order. */
  items?: ItemNodeRunDto[];
  /** A gate's (Pick's) candidates, bounds, message and, once someone chose, the choice. */
  pick?: PickRecord;
}

/** One item's node run of a body node of a For each loop (`nodeId` is the body node's). */
export interface ItemNodeRunDto extends Omit<NodeRunDto, "items" | "loopItems"> {
  /** 0-based; the designer reads index + 1 ("Item 7 of 20"). */
  index: number;
  /** The item's text. */
  item: string;
}

/** `GET /api/runs?status=waiting` item: a run paused at a Pick, where it was started from, and what it waits for. */
export interface WaitingRunDto {
  id: string;
  workflowId: string;
  workflowName: string;
  /** Set for an App run. */
  app: { slug: string; name: string } | null;
  createdAt: string;
  /** The gates waiting: node id, its kind's label, the message and how many candidates. */
  waiting: Array<{ nodeId: string; label: string; message: string; candidates: number; thumbnail: string | null }>;
}

/** An Output node's asset. */
export type RunOutputDto = RunOutput;

/** `GET /api/runs/:id` `run` (and each SSE message). */
export interface RunDto {
  id: string;
  workflowId: string;
  /** Null for a run of a version since deleted. */
  workflowVersion: number | null;
  status: RunStatus;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** CU spent. */
  credits: number | null;
  nodes: NodeRunDto[];
  outputs: RunOutputDto[];
}

/** `GET /api/workflows/:id/runs` item. */
export type RunSummaryDto = Pick<
  RunDto,
  "id" | "status" | "error" | "workflowVersion" | "createdAt" | "startedAt" | "finishedAt" | "credits" | "outputs"
>;
