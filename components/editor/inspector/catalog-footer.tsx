"use client";
/**
 * The model picker's footer: the catalog snapshot in use (bundled, or refreshed on the server)
 * and, for owners, "Refresh models" (POST /api/catalog/refresh) with its loading, success and
 * error states. Without Scenario keys on the server the button is off and says why.
 */
import { useViewerRole } from "@/lib/client/apps/use-viewer-role";
import { errorMessage } from "@/lib/client/api-client";
import type { CatalogInfo } from "@/lib/client/types";
import { useRefreshCatalog } from "@/lib/client/use-refresh-catalog";
import { Button } from "../../ui/button";
import { Spinner } from "../../ui/spinner";

const NO_KEYS = "Refreshing needs Scenario API keys on the server";

export function CatalogFooter({ catalog, snapshotDate, rankedLine }: { catalog?: CatalogInfo; snapshotDate?: string; rankedLine: string }) {
  const role = useViewerRole();
  const refresh = useRefreshCatalog();
  if (!snapshotDate) return null;
  // POST /api/catalog/refresh is for owners only (the server refuses others anyway).
  const owner = role === "owner";
  const refreshed = catalog?.origin.kind === "refreshed" ? catalog.origin.refreshedAt.slice(0, 10) : null;
  return (
    <div className="space-y-1.5" data-testid="catalog-footer">
      <div className="flex items-center gap-2">
        <p
          className="min-w-0 flex-1 text-[11px] text-faint"
          data-testid="catalog-snapshot"
          title="Figures come from this catalog snapshot; most are labelled estimates"
        >
          Catalog snapshot {snapshotDate}
          {refreshed ? ` (refreshed from Scenario ${refreshed})` : ""}
          {rankedLine}
        </p>
        {owner && catalog && (
          <Button
            size="sm"
            variant="ghost"
            className="-my-1 shrink-0 gap-1"
            data-testid="catalog-refresh"
            disabled={!catalog.canRefresh || refresh.isPending}
            title={catalog.canRefresh ? "Read the models and their input schemas from Scenario again" : NO_KEYS}
            onClick={() => refresh.mutate()}
          >
            {refresh.isPending ? <Spinner size={11} label="Refreshing the models" /> : null}
            {refresh.isPending ? "Refreshing…" : "Refresh models"}
          </Button>
        )}
      </div>
      {owner && catalog && !catalog.canRefresh && (
        <p className="text-[11px] text-faint" data-testid="catalog-refresh-unavailable">
          {NO_KEYS}.
        </p>
      )}
      {refresh.isSuccess && (
        <p role="status" className="text-[11px] text-ok" data-testid="catalog-refresh-done">
          Refreshed: {refresh.data.modelCount} models, {refresh.data.withSchema} with an input schema
          {refresh.data.added.length ? `, ${refresh.data.added.length} new` : ""}
          {refresh.data.dropped.length ? `, ${refresh.data.dropped.length} gone` : ""}.
        </p>
      )}
      {refresh.isError && (
        <p role="alert" className="text-[11px] text-bad" data-testid="catalog-refresh-error">
          {errorMessage(refresh.error)}
        </p>
      )}
    </div>
  );
}
