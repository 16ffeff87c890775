import { fromZodError } from "@/lib/api/errors";
import { route } from "@/lib/api/route";
import { downloadAppRuns } from "@/lib/apps/download-app-runs";
import { downloadQuerySchema } from "@/lib/apps/schemas";
import { requireTeamSession } from "@/lib/auth/session";
import { getServerContext } from "@/lib/server/context";

export const dynamic = "force-dynamic";

/**
 * GET /api/apps/:slug/download?runs=id1,id2 (every role; a member only their own runs) → `application/zip`
 * of the runs' outputs, files named `<app-slug>-<n>-<label>-<w>x<h>.png`. Errors: 400 without `runs` or
 * when they have no output yet; 401; 404 for an App or run the viewer cannot see.
 */
export const GET = route<{ slug: string }>(async (request, { slug }) => {
  const session = await requireTeamSession(request);
  const query = downloadQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw fromZodError(query.error, "query");
  const zip = await downloadAppRuns(await getServerContext(), session, slug, query.data.runs);
  return new Response(zip.bytes, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Length": String(zip.bytes.length),
      "Content-Disposition": `attachment; filename="${zip.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
