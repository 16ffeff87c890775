/**
 * How far a For each loop has got, from the run DTO's item node runs (lib/runs/run-dto-types.ts
 * `items`): the line a body node shows on the canvas ("12 / 20 done, 1 failed") and the per-item
 * rows of the run panel. Pure module.
 */
import type { NodeRunStatus } from "@/lib/engine/types";
import type { ItemNodeRunDto, NodeRunDto } from "@/lib/runs/run-dto-types";

/** Counts of a body node's items by how they ended. */
export interface ItemCounts {
  total: number;
  done: number;
  failed: number;
  skipped: number;
  canceled: number;
  running: number;
}

/** The item counts of a body node's run, or null for a node outside a loop. */
export function itemCounts(run: Pick<NodeRunDto, "items" | "loopItems"> | undefined): ItemCounts | null {
  const items = run?.items;
  if (!items) return null;
  const count = (status: NodeRunStatus) => items.filter((i) => i.status === status).length;
  return {
    total: Math.max(items.length, run.loopItems?.length ?? 0),
    done: count("succeeded"),
    failed: count("failed"),
    skipped: count("skipped"),
    canceled: count("canceled"),
    running: count("running"),
  };
}

/** "12 / 20 done, 1 failed, 1 skipped" (only the counts that are not zero after "done"). */
export function itemSummary(counts: ItemCounts): string {
  const parts = [`${counts.done} / ${counts.total} done`];
  if (counts.running) parts.push(`${counts.running} running`);
  if (counts.failed) parts.push(`${counts.failed} failed`);
  if (counts.skipped) parts.push(`${counts.skipped} skipped`);
  if (counts.canceled) parts.push(`${counts.canceled} canceled`);
  return parts.join(", ");
}

/** One item of a loop across its body nodes, for the run panel. */
export interface LoopItemRow {
  index: number;
  item: string;
  /** The item's node run at each body node, in the run's node order. */
  steps: Array<{ nodeId: string; nodeType: string; run: ItemNodeRunDto | undefined }>;
  /** The item's status: failed or canceled if a step was, running while one runs, done when all are. */
  status: NodeRunStatus;
  /** The first failed step's error. */
  error: string | null;
}

/**
 * The rows of each loop of a run: one per item, its steps at every body node. Body nodes of one
 * loop share their items; nodes are grouped by the items they hold.
 */
export function loopItemRows(nodes: readonly NodeRunDto[]): LoopItemRow[] {
  const body = nodes.filter((n) => n.items);
  if (body.length === 0) return [];
  const total = Math.max(...body.map((n) => Math.max(n.items!.length, n.loopItems?.length ?? 0)));
  const rows: LoopItemRow[] = [];
  for (let index = 0; index < total; index++) {
    const steps = body.map((n) => ({ nodeId: n.nodeId, nodeType: n.nodeType, run: n.items!.find((i) => i.index === index) }));
    const statuses = steps.map((s) => s.run?.status ?? "queued");
    const failedStep = steps.find((s) => s.run?.status === "failed");
    const status: NodeRunStatus = failedStep
      ? "failed"
      : statuses.includes("canceled")
        ? "canceled"
        : statuses.includes("running")
          ? "running"
          : statuses.every((s) => s === "succeeded" || s === "skipped") && statuses.includes("succeeded")
            ? "succeeded"
            : statuses.every((s) => s === "queued")
              ? "queued"
              : "running";
    const item = body.find((n) => n.loopItems?.[index] !== undefined)?.loopItems?.[index] ?? steps.find((s) => s.run)?.run?.item ?? "";
    rows.push({ index, item, steps, status, error: failedStep?.run?.error ?? null });
  }
  return rows;
}
