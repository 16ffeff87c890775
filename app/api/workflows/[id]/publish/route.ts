import { parseJsonBody, route } from "@/lib/api/route";
import { APP_MANAGER_ROLES } from "@/lib/apps/access";
import { publishApp } from "@/lib/apps/publish-app";
import { publishAppBodySchema } from "@/lib/apps/schemas";
import { requireTeamSession } from "@/lib/auth/session";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * POST /api/workflows/:id/publish (owner, editor) `{ appSlug?, name, slug, description?, coverAssetId?,
 * inputs: [{ key, nodeId, field, label, help?, default?, required }] }` → 201 `{ app, version }`.
 * Freezes the workflow's saved graph as an immutable version and publishes it as App version n + 1
 * (a new App without `appSlug`). Errors: 400 with a message saying which rule failed (no exposed input,
 * no Output node, a graph that cannot run once the form is filled, bad or duplicate keys); 401; 403 for
 * a member; 404 for a workflow or App not in the team; 409 when the slug is another App's.
 */
export const POST = route<{ id: string }>(async (request, { id }) => {
  const session = await requireTeamSession(request, APP_MANAGER_ROLES);
  const body = await parseJsonBody(request, publishAppBodySchema);
  return Response.json(await publishApp(await getServerContext(), session, id, body), { status: 201 });
});
