"use client";
import { useConnectionStore } from "@/lib/client/connection-store";
import { selectDirty, useEditorStore } from "@/lib/client/editor-store";
import { flushSave, useSaveFailure } from "@/lib/client/workflow-saver";
import { Button } from "../ui/button";
import { ErrorDetails } from "../ui/error-details";
import { AlertIcon, CheckIcon } from "../ui/icons";
import { Spinner } from "../ui/spinner";

/**
 * "Saved" / "Saving…" / "Unsaved changes" / "Not saved yet: kept in this browser" (server not
 * answering: the save is queued) / the reason a save failed, with Retry and the technical
 * details behind a disclosure / conflict with Reload.
 */
export function SaveStatus({ onReload, reloading }: { onReload: () => void; reloading: boolean }) {
  const dirty = useEditorStore(selectDirty);
  const save = useEditorStore((s) => s.save);
  const online = useConnectionStore((s) => s.online);
  const details = useSaveFailure((s) => s.details);
  const state = save.conflict
    ? "conflict"
    : save.saving
      ? "saving"
      : dirty && !online
        ? "queued"
        : save.error
          ? "error"
          : dirty
            ? "dirty"
            : "saved";

  return (
    <div data-testid="save-status" data-state={state} role="status" aria-live="polite" className="flex min-w-0 items-center gap-2 text-[12px]">
      {state === "saved" && (
        <span className="flex items-center gap-1 text-faint">
          <CheckIcon size={13} /> Saved
        </span>
      )}
      {state === "saving" && (
        <span className="flex items-center gap-1.5 text-muted">
          <Spinner size={11} /> Saving…
        </span>
      )}
      {state === "dirty" && (
        <span className="flex items-center gap-1.5 text-muted">
          <span className="h-1.5 w-1.5 rounded-full bg-warn" aria-hidden="true" /> Unsaved changes
        </span>
      )}
      {state === "queued" && (
        <span className="flex min-w-0 items-center gap-1.5 text-warn" title="The server is not answering: your edits are kept in this browser and saved as soon as it answers again.">
          <span className="h-1.5 w-1.5 shrink-0 rounded-full bg-warn" aria-hidden="true" />
          <span className="whitespace-nowrap">Waiting to save</span>
          <span className="sr-only">: your edits are kept in this browser</span>
        </span>
      )}
      {state === "error" && (
        <span className="flex min-w-0 items-center gap-1.5">
          <Button size="sm" variant="ghost" className="shrink-0 !text-bad" onClick={() => void flushSave()} data-testid="save-retry">
            <AlertIcon size={13} /> Not saved — retry
          </Button>
          <span className="relative flex min-w-0 items-center gap-1.5">
            <span className="max-w-[360px] truncate text-bad/90" title={`${save.error ?? ""} Your edits are kept in this browser.`} data-testid="save-error">
              {save.error}
            </span>
            <ErrorDetails details={details} floating />
          </span>
        </span>
      )}
      {state === "conflict" && (
        <span className="flex items-center gap-2 rounded-md border border-warn/40 bg-warn/10 py-0.5 pr-0.5 pl-2 text-warn">
          <AlertIcon size={13} />
          This workflow was changed elsewhere
          <Button size="sm" onClick={onReload} disabled={reloading} data-testid="reload-workflow" title="Load the latest saved version (your unsaved edits are discarded)">
            {reloading && <Spinner size={11} />}
            Reload
          </Button>
        </span>
      )}
    </div>
  );
}
