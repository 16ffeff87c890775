/**
 * A live run as a progress bar: how many nodes are done, and what runs now. Pure module.
 */
import { getNodeDefinition } from "@/lib/nodes";
import type { Run } from "../types";
import type { AppRun } from "./types";

export interface RunProgress {
  done: number;
  total: number;
  /** 0 to 1, counting a running node's own progress. */
  fraction: number;
  /** "Expand", "Expand, Upscale"; null when nothing runs. */
  currentStep: string | null;
}

/** From the full run (node statuses, `GET /api/runs/:id` and its event stream). */
export function progressOfRun(run: Pick<Run, "status" | "nodes">): RunProgress {
  const total = run.nodes.length;
  const finished = run.nodes.filter((n) => n.status === "succeeded" || n.status === "skipped");
  const running = run.nodes.filter((n) => n.status === "running");
  const partial = running.reduce((sum, n) => sum + Math.min(1, Math.max(0, n.progress ?? 0)), 0);
  const labels = [...new Set(running.map((n) => getNodeDefinition(n.nodeType)?.label ?? n.nodeType))];
  return {
    done: finished.length,
    total,
    fraction: run.status === "succeeded" ? 1 : total > 0 ? (finished.length + partial) / total : 0,
    currentStep: labels.length > 0 ? labels.join(", ") : null,
  };
}

/** From the App's run list (`GET /api/apps/:slug/runs?mine=1`), when the full run is not available. */
export function progressOfAppRun(run: Pick<AppRun, "status" | "progress">): RunProgress {
  const { done, total, currentStep } = run.progress;
  return { done, total, fraction: run.status === "succeeded" ? 1 : total > 0 ? done / total : 0, currentStep: currentStep || null };
}
