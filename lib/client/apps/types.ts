/**
 * Shapes of the Apps API's JSON answers as the browser sees them (app/api/apps/**,
 * app/api/workflows/[id]/publish): the server's own response types (lib/apps/app-dto.ts,
 * list-app-runs.ts, estimate-app-run.ts, publish-app.ts, schemas.ts, quota.ts), imported
 * type-only, so the client bundle takes none of the server code and the two cannot drift apart.
 */
import type { AppDetailDto, AppSummaryDto } from "@/lib/apps/app-dto";
import type { AppRunEstimate } from "@/lib/apps/estimate-app-run";
import type { PublishedInput } from "@/lib/apps/exposable-inputs";
import type { AppRunDto } from "@/lib/apps/list-app-runs";
import type { publishApp } from "@/lib/apps/publish-app";
import type { AppQuotaDetails } from "@/lib/apps/quota";
import type { PublishAppBody as ServerPublishAppBody, UpdateAppBody as ServerUpdateAppBody } from "@/lib/apps/schemas";

/** One field of an App's form, as published: the designer's choice plus how to draw it. */
export type AppInput = PublishedInput;
/** `GET /api/apps` item. */
export type AppSummary = AppSummaryDto;

/** `GET /api/apps/:slug` (also the PATCH and rollback replies). */
export type AppDetail = AppDetailDto;

/** Values of one run's form, by input key (image inputs hold an asset id). */
export type AppRunInputs = AppRunDto["inputs"];

/** `POST /api/workflows/:id/publish` body. */
export type PublishAppBody = ServerPublishAppBody;

/** `POST /api/workflows/:id/publish` (201). */
export type PublishAppResponse = Awaited<ReturnType<typeof publishApp>>;

/** `PATCH /api/apps/:slug` body. */
export type UpdateAppBody = ServerUpdateAppBody;

/** `POST /api/apps/:slug/estimate` answer. */
export type AppEstimate = AppRunEstimate;

/** One output image of an App run. */
export type AppRunOutput = AppRunDto["outputs"][number];

/** `GET /api/apps/:slug/runs?mine=1` item. */
export type AppRun = AppRunDto;

/** The details of a 429 from `POST /api/apps/:slug/runs`. */
export type QuotaDetails = Partial<AppQuotaDetails>;
