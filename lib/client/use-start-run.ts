"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, api } from "./api-client";
import { useEditorStore } from "./editor-store";
import { nodeTitle } from "./error-copy";
import { queryKeys } from "./query-keys";
import { useRunViewStore } from "./run-view-store";
import { toast } from "./toast-store";
import { flushSave } from "./workflow-saver";

/** Lets any component see that a run is being started (`useIsMutating`). */
export const START_RUN_MUTATION_KEY = ["start-run"] as const;

/**
 * Starts a run of the workflow. Runs execute the SAVED version, so unsaved changes are
 * saved first; a graph that cannot run comes back as issues, which are shown on the nodes.
 * `force` lists node ids whose cached output is ignored ("Run again").
 */
export function useStartRun(workflowId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: START_RUN_MUTATION_KEY,
    mutationFn: async (force?: string[]) => {
      const saved = await flushSave();
      if (!saved) {
        const { save } = useEditorStore.getState();
        throw new ApiError(
          0,
          save.conflict ? "version_conflict" : "save_failed",
          save.conflict
            ? "This workflow was changed elsewhere: reload it before running."
            : `The workflow could not be saved, so it was not run. ${save.error ?? ""}`.trim(),
        );
      }
      // A node whose model can never take its input (a size over the model's maximum…) is
      // refused here, before a run is created: nothing is spent and no daily run is used.
      const { warnings, nodes } = useEditorStore.getState();
      const refusal = Object.values(warnings)
        .flat()
        .find((w) => w.code === "model_refusal");
      if (refusal) {
        const node = nodes.find((n) => n.id === refusal.nodeId);
        const title = nodeTitle(node);
        throw new ApiError(0, "model_refusal", `${title ? `The ${title} node cannot run. ` : ""}${refusal.message}`, {
          nodeId: refusal.nodeId,
          field: refusal.field,
        });
      }
      return api.startRun(workflowId, force);
    },
    onSuccess: ({ run }) => {
      useEditorStore.getState().clearIssues();
      useRunViewStore.getState().startLive(run.id);
      void queryClient.invalidateQueries({ queryKey: queryKeys.workflowRuns(workflowId) });
    },
    onError: (error) => {
      const nodes = useEditorStore.getState().nodes;
      if (error instanceof ApiError && error.issues.length > 0) {
        useEditorStore.getState().setIssues(error.issues);
        toast.failure("This workflow can't run yet", error, { nodes });
        return;
      }
      const blocked = error instanceof ApiError && error.code === "model_refusal";
      toast.failure(blocked ? "This workflow can't run yet" : "Run not started", error, { nodes });
    },
  });
}
