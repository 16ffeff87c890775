/**
 * Resuming a run (after a restart, or after a pick at a gate): a model or gate node whose node
 * run already succeeded in THIS run is not run again; its recorded outputs and credits are
 * handed on as they are (ARCHITECTURE.md "Execution": never pay twice for one model call).
 * Imports no React, Next.js or Prisma.
 */
import type { NodeResult } from "./model-node";
import type { NodeRunState } from "./types";

/** The result of `prior` when it succeeded (outputs and credits as recorded), else null. */
export function reuseSucceededNodeRun(prior: NodeRunState | undefined): NodeResult | null {
  if (prior?.status !== "succeeded") return null;
  return { value: { images: prior.outputs }, credits: prior.credits ?? 0 };
}
