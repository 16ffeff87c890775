/**
 * Request bodies and query strings of the Apps routes (zod), shared with the browser for types
 * (STYLE.md §10). Deeper rules (keys unique, nodes and fields exposable, graph runnable) are
 * the services'. Pure module.
 */
import { z } from "zod";
import { creditLimitSchema } from "../runs/credit-limit-schema";
import { exposedInputSchema } from "./exposable-inputs";
import { DAILY_RUN_QUOTA_LIMITS } from "./quota";

/** Lower-case letters, digits and single hyphens, 2 to 60 characters: `/apps/<slug>`. */
export const APP_SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,59}$/;

export const appSlugSchema = z
  .string()
  .regex(APP_SLUG_PATTERN, "must be 2 to 60 lower-case letters, digits and single hyphens (e.g. story-maker)");

export const appNameSchema = z.string().trim().min(1, "must not be empty").max(80, "must be at most 80 characters");
export const appDescriptionSchema = z.string().trim().max(1000, "must be at most 1000 characters");
const assetIdSchema = z.string().min(1).max(100);

/** Most items (runs) one request may start. */
export const MAX_BATCH_ITEMS = 20;

/** `POST /api/workflows/:id/publish`. */
export const publishAppBodySchema = z.object({
  /** An existing App of the team: publish a new version of it (else a new App is created). */
  appSlug: z.string().min(1).max(60).optional(),
  name: appNameSchema,
  slug: appSlugSchema,
  description: appDescriptionSchema.optional(),
  coverAssetId: assetIdSchema.nullable().optional(),
  inputs: z.array(exposedInputSchema).max(50, "at most 50 inputs"),
});
export type PublishAppBody = z.infer<typeof publishAppBodySchema>;

/** `PATCH /api/apps/:slug`. */
export const updateAppBodySchema = z
  .object({
    name: appNameSchema.optional(),
    description: appDescriptionSchema.optional(),
    coverAssetId: assetIdSchema.nullable().optional(),
    dailyRunQuota: z
      .number()
      .int("must be a whole number")
      .min(DAILY_RUN_QUOTA_LIMITS.min, `must be at least ${DAILY_RUN_QUOTA_LIMITS.min}`)
      .max(DAILY_RUN_QUOTA_LIMITS.max, `must be at most ${DAILY_RUN_QUOTA_LIMITS.max}`)
      .optional(),
    creditLimitPerRun: creditLimitSchema.optional(),
  })
  .strict();
export type UpdateAppBody = z.infer<typeof updateAppBodySchema>;

/** `POST /api/apps/:slug/rollback`. */
export const rollbackAppBodySchema = z.object({
  version: z.number().int().min(1).max(2_147_483_647, "must be a version this App has (at most 2147483647)"),
});

const inputValuesSchema = z.record(z.string(), z.unknown());

/** `POST /api/apps/:slug/estimate`: one form's values, and how many runs (items) it is for. */
export const estimateAppBodySchema = z.object({
  inputs: inputValuesSchema.default({}),
  runs: z.number().int().min(1).max(MAX_BATCH_ITEMS, `must be at most ${MAX_BATCH_ITEMS}`).default(1),
});

/** `POST /api/apps/:slug/runs`: one run per item. */
export const startAppRunsBodySchema = z.object({
  items: z
    .array(z.object({ inputs: inputValuesSchema.default({}) }))
    .min(1, "give at least one item")
    .max(MAX_BATCH_ITEMS, `at most ${MAX_BATCH_ITEMS} items at once`),
});

/** `GET /api/apps/:slug/runs?mine=1&limit=`. */
export const listAppRunsQuerySchema = z.object({
  mine: z.enum(["0", "1", "true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/** `GET /api/apps/:slug/download?runs=id1,id2`. */
export const downloadQuerySchema = z.object({
  runs: z
    .string({ error: "is required: ?runs=id1,id2" })
    .transform((s) => [
      ...new Set(
        s
          .split(",")
          .map((id) => id.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string().max(100)).min(1, "name at least one run").max(100, "at most 100 runs at once")),
});
