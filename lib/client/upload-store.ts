"use client";
import { create } from "zustand";

export interface UploadState {
  /** 0..1 while sending. */
  progress: number;
  status: "uploading" | "error";
  error?: string;
  fileName: string;
}

interface UploadStoreState {
  /** Keyed by the node the upload is for. */
  uploads: Record<string, UploadState>;
  set(nodeId: string, state: UploadState | null): void;
}

/** Uploads in flight per node, so the node and its inspector both show progress and errors. */
export const useUploadStore = create<UploadStoreState>()((set, get) => ({
  uploads: {},
  set(nodeId, state) {
    const next = { ...get().uploads };
    if (state) next[nodeId] = state;
    else delete next[nodeId];
    set({ uploads: next });
  },
}));
