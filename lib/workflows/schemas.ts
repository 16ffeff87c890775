/**
 * Request bodies of the workflow routes (zod), shared with the client for types.
 * The graph is checked in depth by lib/graph/validate.ts; here it only has to be an object.
 */
import { z } from "zod";
import { EMPTY_GRAPH } from "../graph/schema";
import { WORKFLOW_NAME_MAX_LENGTH } from "./limits";

export const workflowNameSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(WORKFLOW_NAME_MAX_LENGTH, `must be at most ${WORKFLOW_NAME_MAX_LENGTH} characters`);

export const createWorkflowBodySchema = z.object({
  name: workflowNameSchema,
  graph: z.unknown().default(EMPTY_GRAPH),
});

export const updateWorkflowBodySchema = z.object({
  name: workflowNameSchema.optional(),
  graph: z.unknown().refine((g) => g !== undefined, "is required"),
  /** The version the client's copy is based on. */
  version: z.number().int().min(1).max(2_147_483_647, "must be a version this workflow has (at most 2147483647)"),
});

export const startRunBodySchema = z.object({
  /** Node ids to re-run even when their outputs are cached. */
  force: z.array(z.string().min(1).max(100)).max(500).optional(),
});
