import { parseJsonBody, route } from "@/lib/api/route";
import { APP_MANAGER_ROLES } from "@/lib/apps/access";
import { rollbackApp } from "@/lib/apps/rollback-app";
import { rollbackAppBodySchema } from "@/lib/apps/schemas";
import { requireTeamSession } from "@/lib/auth/session";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * POST /api/apps/:slug/rollback (owner, editor) `{ version }` → `{ app }` (as GET /api/apps/:slug) whose
 * `currentVersion.version` is `version`: new runs use that version. Errors: 400; 401; 403 for a member;
 * 404 for an App not in the team or a version it does not have.
 */
export const POST = route<{ slug: string }>(async (request, { slug }) => {
  const session = await requireTeamSession(request, APP_MANAGER_ROLES);
  const body = await parseJsonBody(request, rollbackAppBodySchema);
  return Response.json({ app: await rollbackApp(await getServerContext(), session, slug, body.version) });
});
