"use client";
import { create } from "zustand";
import { copyIdRecord, idRecord } from "@/lib/graph/id-record";

export interface UploadState {
  /** 0..1 while sending. */
  progress: number;
  status: "uploading" | "error";
  error?: string;
  fileName: string;
}

interface UploadStoreState {
  /** Keyed by the node the upload is for (no prototype: any node id is a safe key). */
  uploads: Record<string, UploadState>;
  set(nodeId: string, state: UploadState | null): void;
}

/** Uploads in flight per node, so the node and its inspector both show progress and errors. */
export const useUploadStore = create<UploadStoreState>()((set, get) => ({
  uploads: idRecord(),
  set(nodeId, state) {
    const next = copyIdRecord(get().uploads);
    if (state) next[nodeId] = state;
    else delete next[nodeId];
    set({ uploads: next });
  },
}));
