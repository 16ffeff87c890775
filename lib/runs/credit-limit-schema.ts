/**
 * The per-run credit limit an owner sets on a workflow or an App (issue 11, a budget): a whole
 * number of credits (CU), or null for no limit. Shared with the browser for its form. Pure module.
 */
import { z } from "zod";

/** The accepted range, in credits (CU) per run. */
export const CREDIT_LIMIT_RANGE = { min: 1, max: 1_000_000 } as const;

export const creditLimitSchema = z
  .number()
  .int("must be a whole number of credits")
  .min(CREDIT_LIMIT_RANGE.min, `must be at least ${CREDIT_LIMIT_RANGE.min} CU`)
  .max(CREDIT_LIMIT_RANGE.max, `must be at most ${CREDIT_LIMIT_RANGE.max} CU`)
  .nullable();

/** `PUT /api/workflows/:id/credit-limit`. */
export const setCreditLimitBodySchema = z.object({ creditLimitPerRun: creditLimitSchema }).strict();

/** `POST /api/workflows/:id/estimate`: the graph on screen (unsaved) or, without it, the saved one. */
export const estimateWorkflowBodySchema = z.object({ graph: z.unknown().optional() }).strict();
