/**
 * Loads an App of the actor's team by slug, with its current version and that version's form.
 */
import { AppError, notFound } from "../api/errors";
import { getAppBySlug, getAppVersion, type AppRecord, type AppVersionRecord } from "../db/repositories/apps";
import { getWorkflowVersion, type WorkflowVersionRecord } from "../db/repositories/workflows";
import type { DbClient } from "../db/types";
import type { AppActor } from "./access";
import { parsePublishedInputs, type PublishedInput } from "./exposable-inputs";

/**
 * The team's App with this slug.
 * @throws AppError not_found (404) when there is none in the actor's team (another team's App
 *   answers the same, so its existence does not leak).
 */
export async function getAppOrThrow(db: DbClient, actor: Pick<AppActor, "team">, slug: string): Promise<AppRecord> {
  const app = await getAppBySlug(db, actor.team.id, slug);
  if (!app) throw notFound("App", slug);
  return app;
}

export interface CurrentAppVersion {
  version: AppVersionRecord;
  /** The published form. */
  inputs: PublishedInput[];
  /** The frozen workflow version it runs. */
  workflowVersion: WorkflowVersionRecord;
}

/**
 * The version `app` runs now, its form, and its frozen workflow version.
 * @throws AppError internal_error when the App has no version (an interrupted publication) or its records are gone.
 */
export async function getCurrentAppVersion(db: DbClient, app: AppRecord): Promise<CurrentAppVersion> {
  const version = app.currentVersionId ? await getAppVersion(db, app.currentVersionId) : null;
  if (!version) throw new AppError("internal_error", `App "${app.slug}" has no published version`);
  return loadAppVersion(db, version);
}

/** An App version with its parsed form and its frozen workflow version. */
export async function loadAppVersion(db: DbClient, version: AppVersionRecord): Promise<CurrentAppVersion> {
  const workflowVersion = await getWorkflowVersion(db, version.workflowVersionId);
  if (!workflowVersion) throw new AppError("internal_error", `The workflow version of App version ${version.version} is missing`);
  return { version, inputs: parsePublishedInputs(version.inputs), workflowVersion };
}
