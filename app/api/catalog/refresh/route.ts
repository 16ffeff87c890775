import { AppError } from "@/lib/api/errors";
import { teamRoute } from "@/lib/api/team-route";
import type { CatalogRefreshDto } from "@/lib/intelligence";
import { CatalogRefreshError, refreshCatalogInDataDir } from "@/lib/intelligence/catalog-refresh/data-dir";

export const dynamic = "force-dynamic";

/**
 * POST /api/catalog/refresh (no body) → 200 `CatalogRefreshDto`
 * `{ snapshotDate, refreshedAt, modelCount, withSchema, withoutSchema: [id], added: [id], dropped: [id] }`.
 *
 * Does what `npm run catalog:refresh` does (Scenario's `GET /models` and `GET /models/{id}`,
 * scenario-api-contract.md §5), writing to `<DATA_DIR>/catalog/` and switching the server to it.
 * Owners only: 401 signed out, 403 for editors and members. 409 `conflict`, nothing changed:
 * no Scenario keys on the server ("Refreshing needs Scenario API keys on the server"), another
 * refresh running, the API unreadable or listing too few models, or a result that fails
 * validation (the technical reason in `details.reason`).
 */
export const POST = teamRoute(["owner"], async () => {
  try {
    const { lines: _report, ...body } = await refreshCatalogInDataDir(process.env);
    const answer: CatalogRefreshDto = body;
    return Response.json(answer);
  } catch (error) {
    if (error instanceof CatalogRefreshError) {
      throw new AppError("conflict", error.message, { refusal: error.reason, ...(error.detail ? { reason: error.detail } : {}) });
    }
    throw error;
  }
});
