"use client";
import { useIsMutating } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEditorStore } from "@/lib/client/editor-store";
import { useRunViewStore } from "@/lib/client/run-view-store";
import { useCancelRun } from "@/lib/client/use-cancel-run";
import { useRun } from "@/lib/client/use-run";
import { START_RUN_MUTATION_KEY } from "@/lib/client/use-start-run";
import { toast } from "@/lib/client/toast-store";
import { flushSave } from "@/lib/client/workflow-saver";
import { useConnectionStore } from "@/lib/client/connection-store";
import { EngineBadge, SectionNav } from "../app-header";
import { ConnectionStatus } from "../connection-status";
import { UserMenu } from "../auth/user-menu";
import { Button } from "../ui/button";
import { ChevronLeftIcon, PanelBottomIcon, PlayIcon, RedoIcon, SparklesIcon, StopIcon, UndoIcon } from "../ui/icons";
import { Spinner } from "../ui/spinner";
import { FileMenu } from "./file-menu";
import { SaveStatus } from "./save-status";
import { PublishAppButton } from "./publish-dialog";
import { RunCostEstimate } from "./run-cost-estimate";
import { modKey, shortcutLabel } from "./shortcuts";
import { WorkflowNameInput } from "./workflow-name-input";

export function EditorHeader({
  onRun,
  onReload,
  reloading,
  onDraft,
}: {
  onRun: () => void;
  onReload: () => void;
  reloading: boolean;
  onDraft: () => void;
}) {
  const router = useRouter();
  const canUndo = useEditorStore((s) => s.past.length > 0);
  const canRedo = useEditorStore((s) => s.future.length > 0);
  const liveRunId = useRunViewStore((s) => s.liveRunId);
  const panelOpen = useRunViewStore((s) => s.panelOpen);
  const setPanelOpen = useRunViewStore((s) => s.setPanelOpen);
  const liveRun = useRun(liveRunId);
  const starting = useIsMutating({ mutationKey: START_RUN_MUTATION_KEY }) > 0;
  const cancel = useCancelRun();
  const mod = modKey();
  const running = !!liveRunId;
  const online = useConnectionStore((s) => s.online);
  // Paused at a Pick: nothing runs until someone chooses on the canvas.
  const waiting = liveRun.data?.status === "waiting";
  const progress = liveRun.data ? liveRun.data.nodes.filter((n) => n.status === "succeeded" || n.status === "skipped").length : 0;

  return (
    <header className="nokey flex h-12 shrink-0 items-center gap-1.5 border-b border-line bg-panel px-2 md:gap-2 md:px-2.5">
      <Button
        variant="ghost"
        size="icon"
        aria-label="Back to workflows"
        title="All workflows"
        onClick={async () => {
          await flushSave();
          router.push("/");
        }}
      >
        <ChevronLeftIcon />
      </Button>
      <SectionNav className="max-lg:hidden" />
      <div className="h-5 w-px bg-line max-md:hidden" aria-hidden="true" />
      <FileMenu />
      <WorkflowNameInput />
      <SaveStatus onReload={onReload} reloading={reloading} />
      <div className="flex-1" />
      <ConnectionStatus />
      <Button
        variant="secondary"
        className="max-md:hidden"
        data-testid="draft-open"
        onClick={onDraft}
        title={`Draft a workflow from a description (${shortcutLabel("K")})`}
        aria-keyshortcuts="Control+K Meta+K"
      >
        <SparklesIcon size={13} className="text-accent" />
        <span className="max-2xl:hidden">Draft from description</span>
        <span className="2xl:hidden">Draft</span>
        <kbd className="ml-0.5 rounded border border-line-strong px-1 font-sans text-[10.5px] text-faint max-2xl:hidden">
          {shortcutLabel("K")}
        </kbd>
      </Button>
      <span className="contents max-md:hidden">
        <EngineBadge />
      </span>
      <div className="mx-1 h-5 w-px bg-line max-md:hidden" aria-hidden="true" />
      <Button
        variant="ghost"
        size="icon"
        className="max-md:hidden"
        aria-label="Undo"
        title={`Undo (${mod}+Z)`}
        disabled={!canUndo}
        onClick={() => useEditorStore.getState().undo()}
        data-testid="undo"
      >
        <UndoIcon />
      </Button>
      <Button
        variant="ghost"
        size="icon"
        className="max-md:hidden"
        aria-label="Redo"
        title={`Redo (Shift+${mod}+Z)`}
        disabled={!canRedo}
        onClick={() => useEditorStore.getState().redo()}
        data-testid="redo"
      >
        <RedoIcon />
      </Button>
      <Button
        variant="ghost"
        size="icon"
        aria-label={panelOpen ? "Hide run panel" : "Show run panel"}
        aria-pressed={panelOpen}
        title="Run panel"
        onClick={() => setPanelOpen(!panelOpen)}
        data-testid="toggle-run-panel"
      >
        <PanelBottomIcon />
      </Button>
      <div className="mx-1 h-5 w-px bg-line max-md:hidden" aria-hidden="true" />
      <span className="contents max-md:hidden">
        <PublishAppButton />
      </span>
      {running && (
        <Button
          variant="secondary"
          data-testid="cancel-run"
          disabled={cancel.isPending}
          onClick={() =>
            cancel.mutate(liveRunId, {
              onError: (error) => toast.failure("Could not cancel the run", error),
            })
          }
        >
          {cancel.isPending ? <Spinner size={12} /> : <StopIcon size={12} />}
          Cancel
        </Button>
      )}
      <RunCostEstimate />
      <Button
        variant="primary"
        data-testid="run-button"
        onClick={onRun}
        disabled={running || starting}
        title={`Run the saved workflow (${mod}+Enter)`}
        aria-keyshortcuts="Control+Enter Meta+Enter"
      >
        {(running || starting) && !waiting ? <Spinner size={12} /> : <PlayIcon size={12} />}
        {starting
          ? "Starting…"
          : running && !online
            ? "Reconnecting…"
            : waiting
              ? "Waiting"
              : running
                ? `Running ${liveRun.data ? `${progress}/${liveRun.data.nodes.length}` : "…"}`
                : "Run"}
      </Button>
      <UserMenu compact />
    </header>
  );
}
