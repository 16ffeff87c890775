/** Reads one run as its API shape. */
import { notFound } from "../api/errors";
import { getRunWithNodes } from "../db/repositories/runs";
import type { ServerContext } from "../server/context";
import { toRunDto, type RunDto } from "./run-dto";

/** @throws AppError not_found (404) for an unknown run id. */
export async function getRunDto(ctx: ServerContext, runId: string): Promise<RunDto> {
  const run = await getRunWithNodes(ctx.db, runId);
  if (!run) throw notFound("Run", runId);
  return toRunDto(run);
}
