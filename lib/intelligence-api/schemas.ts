/**
 * Request bodies of the intelligence routes (zod). The pure layer (lib/intelligence) checks
 * capabilities against the catalog; here only shapes and sizes are checked.
 */
import { z } from "zod";
import { TEMPLATE_IDS } from "@/lib/intelligence/plan/templates";

const description = z
  .string()
  .max(2000, "must be at most 2000 characters")
  .refine((s) => s.trim().length > 0, "must not be empty");

export const recommendBodySchema = z.object({
  capability: z.string().trim().min(1, "must not be empty").max(40),
  prompt: z.string().max(4000, "must be at most 4000 characters").default(""),
  priority: z.enum(["quality", "speed", "cost"]).optional(),
  constraints: z
    .object({
      requiredInputs: z.array(z.string().max(40)).max(10).optional(),
      minReferenceImages: z.number().int().min(0).max(20).optional(),
      maxCostCU: z.number().positive().optional(),
      maxLatencySec: z.number().positive().optional(),
      durationSec: z.number().positive().max(600).optional(),
    })
    .optional(),
  limit: z.number().int().min(1).max(50).optional(),
});

export const describeBodySchema = z.object({ description });

/** POST /api/plan: a description, and optionally the template to use instead of the best match. */
export const planBodySchema = z.object({ description, template: z.enum(TEMPLATE_IDS).optional() });
