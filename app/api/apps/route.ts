import { route } from "@/lib/api/route";
import { listApps } from "@/lib/apps/list-apps";
import { requireTeamSession } from "@/lib/auth/session";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * GET /api/apps (every role) → `{ apps: [{ id, slug, name, description, coverUrl|null, version, updatedAt, workflowId }] }`,
 * the session team's published Apps, most recently updated first. Errors: 401 without a session.
 */
export const GET = route(async (request) => {
  const session = await requireTeamSession(request);
  return Response.json({ apps: await listApps(await getServerContext(), session) });
});
