"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useShallow } from "zustand/react/shallow";
import { getNodeDefinition } from "@/lib/nodes";
import { api, assetFileUrl } from "./api-client";
import { useEditorStore } from "./editor-store";
import { queryKeys } from "./query-keys";
import { runQueryOptions } from "./run-query";
import { useRunViewStore } from "./run-view-store";
import type { Run, RunImage } from "./types";
import { useAsset } from "./use-asset";

export type UpstreamImage =
  | { status: "loading" }
  | { status: "none"; message: string }
  | { status: "error"; message: string }
  | { status: "ready"; image: RunImage; origin: "upload" | "run"; sourceLabel: string };

const RUNS_TO_SEARCH = 10;

/**
 * The image that flows into input `port` of `nodeId`: the upload of a connected node with an
 * asset field (an Image input), else the latest run output of the connected node.
 */
export function useUpstreamImage(nodeId: string, port: string | undefined): UpstreamImage {
  const queryClient = useQueryClient();
  const workflowId = useEditorStore((s) => s.workflowId);
  const viewedRunId = useRunViewStore((s) => s.viewedRunId);
  const source = useEditorStore(
    useShallow((s) => {
      const edge = port ? s.edges.find((e) => e.target === nodeId && e.targetHandle === port) : undefined;
      const node = edge ? s.nodes.find((n) => n.id === edge.source) : undefined;
      return { id: node?.id, type: node?.type, data: node?.data };
    }),
  );
  const definition = source.type ? getNodeDefinition(source.type) : undefined;
  const assetField = definition?.fields.find((f) => f.kind === "asset");
  const assetId = assetField && source.data ? (source.data[assetField.name] as string | null | undefined) : undefined;
  const asset = useAsset(assetId);

  const latest = useQuery({
    queryKey: queryKeys.latestNodeOutput(workflowId ?? "", source.id ?? ""),
    enabled: !!workflowId && !!source.id && !assetField,
    staleTime: 0,
    gcTime: 0,
    queryFn: async (): Promise<RunImage | null> => {
      const find = (run: Run | undefined) => run?.nodes.find((n) => n.nodeId === source.id && n.outputs.length > 0)?.outputs[0];
      if (viewedRunId) {
        const hit = find(queryClient.getQueryData<Run>(queryKeys.run(viewedRunId)));
        if (hit) return hit;
      }
      const { runs } = await api.listRuns(workflowId!);
      for (const summary of runs.slice(0, RUNS_TO_SEARCH)) {
        const hit = find(await queryClient.fetchQuery(runQueryOptions(summary.id)));
        if (hit) return hit;
      }
      return null;
    },
  });

  if (!source.id || !definition) return { status: "none", message: "Connect an image to this node first." };
  const sourceLabel = definition.label;
  if (assetField) {
    if (!assetId) return { status: "none", message: `The connected ${sourceLabel} has no image yet: upload one.` };
    if (asset.isPending) return { status: "loading" };
    if (asset.isError || !asset.data) {
      // The bytes URL is known from the id even when the metadata call fails.
      return { status: "error", message: `Could not load the ${sourceLabel} image.` };
    }
    return {
      status: "ready",
      origin: "upload",
      sourceLabel,
      image: {
        assetId: asset.data.id,
        url: asset.data.url || assetFileUrl(asset.data.id),
        width: asset.data.width,
        height: asset.data.height,
      },
    };
  }
  if (latest.isPending) return { status: "loading" };
  if (latest.isError) return { status: "error", message: "Could not load the latest run." };
  if (!latest.data) return { status: "none", message: "Run once or connect an Image input to paint a mask." };
  return { status: "ready", origin: "run", sourceLabel, image: latest.data };
}
