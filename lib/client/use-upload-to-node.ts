"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { describeError } from "./error-copy";
import { useEditorStore } from "./editor-store";
import { queryKeys } from "./query-keys";
import { toast } from "./toast-store";
import { uploadAsset } from "./upload-asset";
import { useUploadStore } from "./upload-store";
import type { Asset } from "./types";

/**
 * Uploads a file into a node's asset parameter (`fieldName`), showing progress and errors on
 * the node and in its inspector. Resolves with the asset, or null when the upload failed.
 */
export function useUploadToNode() {
  const queryClient = useQueryClient();
  return useCallback(
    async (nodeId: string, fieldName: string, file: File): Promise<Asset | null> => {
      const uploads = useUploadStore.getState();
      uploads.set(nodeId, { status: "uploading", progress: 0, fileName: file.name });
      try {
        const asset = await uploadAsset(file, {
          onProgress: (progress) => useUploadStore.getState().set(nodeId, { status: "uploading", progress, fileName: file.name }),
        });
        queryClient.setQueryData(queryKeys.asset(asset.id), { asset });
        useEditorStore.getState().updateNodeData(nodeId, { [fieldName]: asset.id });
        useUploadStore.getState().set(nodeId, null);
        return asset;
      } catch (error) {
        const friendly = describeError(error);
        useUploadStore.getState().set(nodeId, { status: "error", progress: 0, fileName: file.name, error: friendly.sentence });
        toast.error(`Could not upload ${file.name}`, friendly.sentence, friendly.details ?? undefined);
        return null;
      }
    },
    [queryClient],
  );
}
