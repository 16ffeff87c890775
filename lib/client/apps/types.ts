/**
 * Shapes of the Apps API's JSON answers as the browser sees them (app/api/apps/**,
 * app/api/workflows/[id]/publish). Kept apart from the server code so the client bundle
 * imports none of it.
 */
import type { AppInputKind, AppInputOption, ExposedInput, PublishedInput } from "@/lib/apps/exposable-inputs";
import type { RunStatus } from "../types";

/** One field of an App's form, as published: the designer's choice plus how to draw it. */
export type AppInput = PublishedInput;
export type { AppInputKind, AppInputOption, ExposedInput };

export interface AppOutputSpec {
  nodeId: string;
  label: string;
}

/** `GET /api/apps` item. */
export interface AppSummary {
  id: string;
  slug: string;
  name: string;
  description: string;
  coverUrl: string | null;
  version: number;
  updatedAt: string;
  /** The workflow its current version was published from (lets the editor offer "new version"). */
  workflowId?: string | null;
}

export interface AppVersionSummary {
  id: string;
  version: number;
  createdAt: string;
  publishedBy: { name: string };
}

/** `GET /api/apps/:slug`. */
export interface AppDetail {
  id: string;
  slug: string;
  name: string;
  description: string;
  coverUrl: string | null;
  dailyRunQuota: number;
  runsToday: number;
  quotaResetsAt: string;
  currentVersion: {
    id: string;
    version: number;
    createdAt: string;
    inputs: AppInput[];
    outputs: AppOutputSpec[];
    workflowId?: string;
  };
  /** Only for those who can manage the App (owners and editors). */
  versions?: AppVersionSummary[];
  canManage: boolean;
  /** Whether the viewer may change the daily quota (owners). */
  canSetQuota?: boolean;
  workflowId?: string | null;
}

/** Values of one run's form, by input key (image inputs hold an asset id). */
export type AppRunInputs = Record<string, unknown>;

/** `POST /api/workflows/:id/publish` body. */
export interface PublishAppBody {
  appSlug?: string;
  name: string;
  slug: string;
  description?: string;
  coverAssetId?: string | null;
  inputs: ExposedInput[];
}

export interface PublishAppResponse {
  app: { id: string; slug: string; name: string };
  version: { id: string; version: number };
}

/** `PATCH /api/apps/:slug` body. */
export interface UpdateAppBody {
  name?: string;
  description?: string;
  coverAssetId?: string | null;
  dailyRunQuota?: number;
}

/** `POST /api/apps/:slug/estimate` answer. */
export interface AppEstimate {
  credits: number;
  perRun: number;
  runs: number;
  details: Array<{ nodeId: string; nodeLabel: string; modelId: string; credits: number }>;
  estimated: boolean;
}

export interface AppRunOutput {
  nodeId: string;
  label: string;
  assetId: string;
  url: string;
  width: number;
  height: number;
  mimeType?: string;
}

/** `GET /api/apps/:slug/runs?mine=1` item. */
export interface AppRun {
  id: string;
  status: RunStatus;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  credits: number | null;
  /** The App version it ran; null when that version is unknown. */
  appVersion: number | null;
  inputs: AppRunInputs;
  progress: { done: number; total: number; currentStep: string | null };
  outputs: AppRunOutput[];
}

/** The details of a 429 from `POST /api/apps/:slug/runs`. */
export interface QuotaDetails {
  resetsAt?: string;
  limit?: number;
  used?: number;
}
