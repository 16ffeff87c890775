import { parseJsonBody, route } from "@/lib/api/route";
import { APP_MANAGER_ROLES } from "@/lib/apps/access";
import { getApp } from "@/lib/apps/get-app";
import { updateAppBodySchema } from "@/lib/apps/schemas";
import { updateApp } from "@/lib/apps/update-app";
import { requireTeamSession } from "@/lib/auth/session";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * GET /api/apps/:slug (every role) → `{ app: { id, slug, name, description, coverUrl, dailyRunQuota,
 * runsToday, quotaResetsAt, currentVersion: { id, version, createdAt, inputs, outputs }, versions? (owner,
 * editor), canManage, canSetQuota } }` (lib/apps/app-dto.ts). Errors: 401; 404 when not an App of the team.
 */
export const GET = route<{ slug: string }>(async (request, { slug }) => {
  const session = await requireTeamSession(request);
  return Response.json({ app: await getApp(await getServerContext(), session, slug) });
});

/**
 * PATCH /api/apps/:slug (owner, editor) `{ name?, description?, coverAssetId?, dailyRunQuota? (owner only, 1..10000) }`
 * → `{ app }` as GET. Errors: 400 naming the field; 401; 403 for a member, or an editor setting the quota; 404.
 */
export const PATCH = route<{ slug: string }>(async (request, { slug }) => {
  const session = await requireTeamSession(request, APP_MANAGER_ROLES);
  const body = await parseJsonBody(request, updateAppBodySchema);
  return Response.json({ app: await updateApp(await getServerContext(), session, slug, body) });
});
