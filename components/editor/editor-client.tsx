"use client";
import "@xyflow/react/dist/style.css";
import { ReactFlowProvider } from "@xyflow/react";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { ApiError, api, errorMessage } from "@/lib/client/api-client";
import { useEditorStore } from "@/lib/client/editor-store";
import { nodeAndDownstream } from "@/lib/graph/upstream";
import { credits } from "@/lib/client/format";
import { queryKeys } from "@/lib/client/query-keys";
import { useRunViewStore } from "@/lib/client/run-view-store";
import { toast } from "@/lib/client/toast-store";
import { isTerminalRunStatus, type Run } from "@/lib/client/types";
import { useAutosave } from "@/lib/client/use-autosave";
import { useConnectionStore } from "@/lib/client/connection-store";
import { describeNodeError, nodeTitle } from "@/lib/client/error-copy";
import { clearLocalDraft, restoreLocalDraftOnLoad } from "@/lib/client/local-draft";
import { useRunSubscription } from "@/lib/client/use-run-subscription";
import { useStartRun } from "@/lib/client/use-start-run";
import { useWorkflow } from "@/lib/client/use-workflow";
import { useWorkflowRuns } from "@/lib/client/use-workflow-runs";
import { BrandMark } from "../app-header";
import { Button } from "../ui/button";
import { AlertIcon } from "../ui/icons";
import { Skeleton } from "../ui/skeleton";
import { Canvas } from "./canvas";
import { DraftDialog } from "./draft-dialog";
import { DraftNotice } from "./draft-notice";
import { SaveErrorBar } from "./save-status";
import { EditorHeader } from "./editor-header";
import { EditorSheet, MobileEditorBar } from "./mobile-sheets";
import { Inspector } from "./inspector/inspector";
import { Palette } from "./palette";
import { RunPanel } from "./run-panel";
import { useEditorShortcuts } from "./use-editor-shortcuts";

/** The workflow editor: loads the workflow into the document store, then shows the workspace. */
export function EditorClient({ workflowId }: { workflowId: string }) {
  const workflow = useWorkflow(workflowId);
  const [loadedFrom, setLoadedFrom] = useState<unknown>(null);

  useEffect(() => {
    if (!workflow.data) return;
    useEditorStore.getState().load(workflow.data);
    restoreLocalDraftOnLoad(workflow.data);
    setLoadedFrom(workflow.data);
  }, [workflow.data]);

  useEffect(() => {
    useRunViewStore.getState().reset();
    return () => useRunViewStore.getState().reset();
  }, [workflowId]);

  if (workflow.isError) {
    const notFound = workflow.error instanceof ApiError && workflow.error.status === 404;
    return (
      <div className="flex h-screen flex-col">
        <header className="flex h-12 items-center border-b border-line bg-panel px-4">
          <BrandMark />
        </header>
        <div role="alert" className="m-auto flex max-w-[420px] flex-col items-center gap-3 text-center">
          <AlertIcon size={24} className="text-bad" />
          <h1 className="text-[15px] font-semibold">{notFound ? "Workflow not found" : "Could not open this workflow"}</h1>
          <p className="text-[13px] text-muted">{notFound ? "It may have been deleted." : errorMessage(workflow.error)}</p>
          <div className="flex gap-2">
            {!notFound && <Button onClick={() => workflow.refetch()}>Try again</Button>}
            <Link
              href="/"
              className="inline-flex h-8 items-center rounded-md bg-accent-strong px-3 text-[13px] font-medium text-white hover:bg-accent"
            >
              All workflows
            </Link>
          </div>
        </div>
      </div>
    );
  }

  if (!workflow.data || loadedFrom !== workflow.data) return <EditorSkeleton />;

  return (
    <ReactFlowProvider>
      <Workspace workflowId={workflowId} />
    </ReactFlowProvider>
  );
}

function Workspace({ workflowId }: { workflowId: string }) {
  const queryClient = useQueryClient();
  const startRun = useStartRun(workflowId);
  const liveRunId = useRunViewStore((s) => s.liveRunId);
  const runs = useWorkflowRuns(workflowId);
  const [reloading, setReloading] = useState(false);

  useAutosave();

  // Back online: refresh what may have changed meanwhile (the run history, the run on display).
  const recoveries = useConnectionStore((s) => s.recoveries);
  useEffect(() => {
    if (recoveries === 0) return;
    void queryClient.invalidateQueries({ queryKey: queryKeys.workflowRuns(workflowId) });
  }, [recoveries, queryClient, workflowId]);

  // Show the latest run on the nodes when the editor opens; follow it live if it is still going.
  const latest = runs.data?.[0];
  useEffect(() => {
    if (!latest) return;
    const view = useRunViewStore.getState();
    if (view.viewedRunId) return;
    if (!isTerminalRunStatus(latest.status)) view.startLive(latest.id);
    else view.view(latest.id);
  }, [latest]);

  useRunSubscription(liveRunId, (run: Run) => {
    useRunViewStore.getState().endLive(run.id);
    void queryClient.invalidateQueries({ queryKey: queryKeys.workflowRuns(workflowId) });
    if (run.status === "succeeded") {
      toast.success("Run finished", `${run.outputs.length} output${run.outputs.length === 1 ? "" : "s"} · ${credits(run.credits)}`);
    } else if (run.status === "failed") {
      const failed = run.nodes.find((n) => n.status === "failed" && n.error);
      const nodes = useEditorStore.getState().nodes;
      const reason = describeNodeError(failed?.error ?? run.error ?? "", { nodes });
      const title = failed ? nodeTitleOf(failed.nodeId, failed.nodeType) : null;
      toast.error(
        "Run failed",
        failed?.error || run.error ? `${title ? `${title}: ` : ""}${reason.sentence}` : "A node failed: see the canvas.",
        reason.details ?? undefined,
      );
    } else {
      toast.info("Run canceled");
    }
  });

  const run = useCallback(() => {
    if (useRunViewStore.getState().liveRunId || startRun.isPending) return;
    startRun.mutate(undefined);
  }, [startRun]);

  // Run from here: the node and everything it feeds run again; upstream results come from the cache.
  const runFrom = useCallback(
    (nodeId: string) => {
      if (useRunViewStore.getState().liveRunId || startRun.isPending) return;
      startRun.mutate([...nodeAndDownstream(nodeId, useEditorStore.getState().edges)]);
    },
    [startRun],
  );

  const [draftOpen, setDraftOpen] = useState(false);
  const openDraft = useCallback(() => setDraftOpen(true), []);
  useEditorShortcuts(run, openDraft);

  const reload = useCallback(async () => {
    setReloading(true);
    try {
      // Reloading takes the saved version: edits kept in this browser are discarded with the rest.
      clearLocalDraft(workflowId);
      const { workflow, warnings } = await api.getWorkflow(workflowId);
      useEditorStore.getState().load(workflow);
      useEditorStore.getState().setWarnings(warnings ?? []);
      queryClient.setQueryData(queryKeys.workflow(workflowId), { workflow });
      toast.info("Reloaded", `Now at version ${workflow.version}.`);
    } catch (error) {
      toast.failure("Could not reload", error);
    } finally {
      setReloading(false);
    }
  }, [queryClient, workflowId]);

  return (
    <div className="flex h-screen flex-col overflow-hidden">
      <EditorHeader onRun={run} onReload={reload} reloading={reloading} onDraft={openDraft} />
      <SaveErrorBar />
      <DraftNotice workflowId={workflowId} />
      <DraftDialog open={draftOpen} onClose={() => setDraftOpen(false)} />
      <div className="flex min-h-0 flex-1">
        <EditorSheet name="palette" title="Add a node" closeOnButton>
          <Palette />
        </EditorSheet>
        <main className="flex min-w-0 flex-1 flex-col">
          <div className="relative min-h-0 flex-1">
            <Canvas onDraft={openDraft} onRunFrom={runFrom} />
            <MobileEditorBar />
          </div>
          <RunPanel workflowId={workflowId} />
        </main>
        <EditorSheet name="inspector" title="Node settings">
          <Inspector workflowId={workflowId} />
        </EditorSheet>
      </div>
    </div>
  );
}

/** "Expand" for a node of the document (its own label when it has one), else its kind's label. */
function nodeTitleOf(nodeId: string, nodeType: string): string {
  const node = useEditorStore.getState().nodes.find((n) => n.id === nodeId);
  return nodeTitle(node ?? { id: nodeId, type: nodeType }) ?? "A node";
}

function EditorSkeleton() {
  return (
    <div className="flex h-screen flex-col" aria-busy="true" aria-label="Loading workflow">
      <div className="flex h-12 items-center gap-3 border-b border-line bg-panel px-3">
        <Skeleton className="h-6 w-6" />
        <Skeleton className="h-4 w-48" />
        <div className="flex-1" />
        <Skeleton className="h-8 w-20" />
      </div>
      <div className="flex flex-1">
        <div className="w-[232px] space-y-2 border-r border-line bg-panel p-3 max-md:hidden">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="h-9" />
          ))}
        </div>
        <div className="flex-1" />
        <div className="w-[320px] border-l border-line bg-panel p-4 max-md:hidden">
          <Skeleton className="h-4 w-32" />
        </div>
      </div>
    </div>
  );
}
