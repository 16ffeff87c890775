/**
 * "Download all": the outputs of several App runs in one zip (fflate), files named
 * `<app-slug>-<n>-<output label>-<width>x<height>.<ext>` with n counting from 1 across the zip.
 */
import { zipSync, type Zippable } from "fflate";
import { AppError } from "../api/errors";
import { extensionFor } from "../storage/file-extensions";
import { findTeamAssets, getAppRunsByIds } from "../db/repositories/apps";
import type { RunOutput } from "../engine/types";
import type { ServerContext } from "../server/context";
import { canManageApps, type AppActor } from "./access";
import { getAppOrThrow } from "./get-app-or-throw";

/** Most files one zip holds. */
export const MAX_ZIP_FILES = 400;

/** `Hero shot!` → `hero-shot`; never empty. */
export function fileSlug(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return slug || "output";
}

/**
 * The zip of the outputs of `runIds` (in that order; runs without outputs add nothing).
 * Images are stored uncompressed (PNG, JPEG and WebP are compressed already).
 * @returns `{ fileName: "<app-slug>-outputs.zip", bytes, files }`.
 * @throws AppError not_found (404) naming the first id that is not a run of this App visible
 *   to the actor (a member sees only their own runs); bad_request (400) when the runs have no
 *   output yet, or more than MAX_ZIP_FILES files.
 */
export async function downloadAppRuns(ctx: ServerContext, actor: AppActor, slug: string, runIds: readonly string[]) {
  const app = await getAppOrThrow(ctx.db, actor, slug);
  const runs = await getAppRunsByIds(ctx.db, { appId: app.id, teamId: actor.team.id, ids: runIds });
  const visible = canManageApps(actor) ? runs : runs.filter((run) => run.createdById === actor.user.id);
  const found = new Set(visible.map((r) => r.id));
  const missing = runIds.find((id) => !found.has(id));
  if (missing) throw new AppError("not_found", `Run "${missing}" is not a run of App "${slug}" you can see`);

  const outputs = visible.flatMap((run) => (Array.isArray(run.outputs) ? (run.outputs as RunOutput[]) : []));
  if (outputs.length === 0) throw new AppError("bad_request", "These runs have no outputs yet: wait until they succeed");
  if (outputs.length > MAX_ZIP_FILES)
    throw new AppError("bad_request", `At most ${MAX_ZIP_FILES} files per zip: download fewer runs at once`);
  const assets = await findTeamAssets(
    ctx.db,
    actor.team.id,
    outputs.map((o) => o.assetId),
  );

  const files: Zippable = {};
  const names: string[] = [];
  let n = 0;
  for (const output of outputs) {
    const asset = assets.get(output.assetId);
    if (!asset) continue;
    n += 1;
    const extension = extensionFor(asset.mimeType);
    const name = `${app.slug}-${n}-${fileSlug(output.label)}-${asset.width}x${asset.height}.${extension}`;
    files[name] = [new Uint8Array(await ctx.storage.get(asset.storageKey)), { level: 0 }];
    names.push(name);
  }
  return { fileName: `${app.slug}-outputs.zip`, bytes: zipSync(files), files: names };
}
