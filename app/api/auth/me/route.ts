/**
 * GET /api/auth/me: the signed-in user, their active team and role (lib/auth/session.ts), for
 * the browser (header menu, hiding what a role cannot do). 401 when signed out; a user
 * without a team gets `team: null, role: null`.
 */
import { AppError } from "@/lib/api/errors";
import { route } from "@/lib/api/route";
import { getSessionContext } from "@/lib/auth/session";

export const GET = route(async (request) => {
  const context = await getSessionContext(request);
  if (!context) throw new AppError("unauthorized", "Sign in to continue");
  return Response.json(context, { headers: { "cache-control": "no-store" } });
});
