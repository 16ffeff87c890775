/**
 * Browser-side calls of the Apps API. Same contract as lib/client/api-client.ts: resolves with
 * the parsed JSON body or throws an {@link ApiError} carrying `{ error: { code, message, details } }`.
 */
import { request } from "../api-client";
import type { AppDetail, AppEstimate, AppRun, AppRunInputs, AppSummary, PublishAppBody, PublishAppResponse, UpdateAppBody } from "./types";
import type { RunStatus } from "../types";

const enc = encodeURIComponent;

export const appsApi = {
  listApps: () => request<{ apps: AppSummary[] }>("/api/apps"),
  getApp: (slug: string) => request<{ app: AppDetail }>(`/api/apps/${enc(slug)}`),
  publish: (workflowId: string, body: PublishAppBody) =>
    request<PublishAppResponse>(`/api/workflows/${enc(workflowId)}/publish`, { method: "POST", json: body }),
  updateApp: (slug: string, body: UpdateAppBody) => request<{ app: AppDetail }>(`/api/apps/${enc(slug)}`, { method: "PATCH", json: body }),
  rollback: (slug: string, version: number) =>
    request<{ app: AppDetail }>(`/api/apps/${enc(slug)}/rollback`, { method: "POST", json: { version } }),
  estimate: (slug: string, items: AppRunInputs[], signal?: AbortSignal) =>
    request<AppEstimate>(`/api/apps/${enc(slug)}/estimate`, { method: "POST", json: estimateBody(items), signal }),
  startRuns: (slug: string, items: AppRunInputs[]) =>
    request<{ runs: Array<{ id: string; status: RunStatus }> }>(`/api/apps/${enc(slug)}/runs`, {
      method: "POST",
      json: { items: items.map((inputs) => ({ inputs })) },
    }),
  listMyRuns: (slug: string) => request<{ runs: AppRun[] }>(`/api/apps/${enc(slug)}/runs?mine=1`),
};

/**
 * The estimate route prices one form's inputs; a batch costs that per run times the runs
 * (a batch only varies images and prompt lines, which do not change the models used).
 */
function estimateBody(items: AppRunInputs[]): { inputs: AppRunInputs; runs: number } {
  return { inputs: items[0] ?? {}, runs: Math.max(1, items.length) };
}

/** The zip of these runs' outputs. */
export function appDownloadUrl(slug: string, runIds: readonly string[]): string {
  return `/api/apps/${enc(slug)}/download?runs=${runIds.map(enc).join(",")}`;
}
