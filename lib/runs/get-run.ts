/** Reads one run as its API shape, for a caller allowed to see it. */
import { notFound } from "../api/errors";
import { canReadRun } from "../apps/access";
import type { TeamSession } from "../auth/session";
import { getRunWithNodes } from "../db/repositories/runs";
import type { ServerServices } from "../server/services";
import { toRunDto, type RunDto } from "./run-dto";

/**
 * @param session when given, the run must be readable by it (its team's; a member's own):
 *   otherwise it reads as missing, so ids never leak across teams.
 * @throws AppError not_found (404) for an unknown run id or one the session may not read.
 */
export async function getRunDto(ctx: ServerServices, runId: string, session?: TeamSession): Promise<RunDto> {
  const run = await getRunWithNodes(ctx.db, runId);
  if (!run || (session && !canReadRun(session, run))) throw notFound("Run", runId);
  return toRunDto(run);
}
