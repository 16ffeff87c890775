"use client";
import { useConnectionStore } from "@/lib/client/connection-store";
import { selectDirty, useEditorStore } from "@/lib/client/editor-store";
import { flushSave } from "@/lib/client/workflow-saver";
import { useSaveFailure } from "@/lib/client/workflow-saver";
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
    <div
      data-testid="save-status"
      data-state={state}
      role="status"
      aria-live="polite"
      className="flex shrink-0 items-center gap-2 text-[12px] whitespace-nowrap"
    >
      {state === "saved" && (
        <span className="flex items-center gap-1 text-faint">
          <CheckIcon size={13} /> <span className="max-sm:sr-only">Saved</span>
        </span>
      )}
      {state === "saving" && (
        <span className="flex items-center gap-1.5 text-muted">
          <Spinner size={11} /> Saving…
        </span>
      )}
      {state === "dirty" && (
        <span className="flex items-center gap-1.5 text-muted">
          <span className="h-1.5 w-1.5 rounded-full bg-warn" aria-hidden="true" />
          {/* On a phone the dot alone says it, so the workflow name keeps its room. */}
          <span className="max-sm:sr-only">Unsaved changes</span>
        </span>
      )}
      {state === "queued" && (
        <span
          className="flex min-w-0 items-center gap-1.5 text-warn"
          title="The server is not answering: your edits are kept in this browser and saved as soon as it answers again."
        >
          <span className="h-1.5 w-1.5 shrink-0 rounded-full bg-warn" aria-hidden="true" />
          <span className="whitespace-nowrap max-sm:sr-only">Waiting to save</span>
          <span className="sr-only">: your edits are kept in this browser</span>
        </span>
      )}
      {state === "error" && (
        <Button
          size="sm"
          variant="ghost"
          className="shrink-0 !text-bad"
          onClick={() => void flushSave()}
          data-testid="save-retry"
          title={save.error ?? undefined}
        >
          <AlertIcon size={13} /> Not saved — retry
        </Button>
      )}
      {state === "conflict" && (
        <span className="flex items-center gap-2 rounded-md border border-warn/40 bg-warn/10 py-0.5 pr-0.5 pl-2 text-warn">
          <AlertIcon size={13} />
          This workflow was changed elsewhere
          <Button
            size="sm"
            onClick={onReload}
            disabled={reloading}
            data-testid="reload-workflow"
            title="Load the latest saved version (your unsaved edits are discarded)"
          >
            {reloading && <Spinner size={11} />}
            Reload
          </Button>
        </span>
      )}
    </div>
  );
}

/**
 * The bar under the header while the last save failed for a reason the designer can act on:
 * the sentence in full, that the edits are kept in this browser, Retry, and the technical
 * details behind a disclosure.
 */
export function SaveErrorBar() {
  const save = useEditorStore((s) => s.save);
  const dirty = useEditorStore(selectDirty);
  const online = useConnectionStore((s) => s.online);
  const details = useSaveFailure((s) => s.details);
  if (!save.error || save.conflict || save.saving || (dirty && !online)) return null;
  return (
    <div
      role="alert"
      data-testid="save-error-bar"
      className="nokey flex shrink-0 flex-wrap items-start gap-x-3 gap-y-1 border-b border-bad/30 bg-bad-soft px-3 py-1.5 text-[12.5px] text-[#ffb0b0]"
    >
      <AlertIcon size={13} className="mt-0.5 shrink-0" />
      <div className="min-w-0 flex-1">
        <p>
          <span className="font-medium">Not saved: </span>
          <span data-testid="save-error">{save.error}</span>{" "}
          <span className="text-[#ffb0b0]/75">Your edits are kept in this browser until they are saved.</span>
        </p>
        <ErrorDetails details={details} />
      </div>
      <Button size="sm" variant="secondary" onClick={() => void flushSave()} className="shrink-0">
        Retry
      </Button>
    </div>
  );
}
