export const dynamic = "force-dynamic";

/**
 * GET /api/health → 204 with no body: the studio's server is answering. Used by the browser's
 * connection watch (lib/client/connection-store.ts) every few seconds; needs no session and
 * reads nothing, so it stays cheap.
 */
export function GET(): Response {
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
