"use client";
import { create } from "zustand";

interface RunViewState {
  /** The run being executed now (its event stream is open), or null. */
  liveRunId: string | null;
  /** The run whose node states and outputs the canvas and run panel show. */
  viewedRunId: string | null;
  panelOpen: boolean;
  startLive(runId: string): void;
  endLive(runId: string): void;
  view(runId: string | null): void;
  setPanelOpen(open: boolean): void;
  reset(): void;
}

/** Which run the editor shows: UI state only, never part of the saved document. */
export const useRunViewStore = create<RunViewState>()((set, get) => ({
  liveRunId: null,
  viewedRunId: null,
  panelOpen: false,
  startLive: (runId) => set({ liveRunId: runId, viewedRunId: runId, panelOpen: true }),
  endLive: (runId) => {
    if (get().liveRunId === runId) set({ liveRunId: null });
  },
  view: (runId) => set({ viewedRunId: runId }),
  setPanelOpen: (open) => set({ panelOpen: open }),
  reset: () => set({ liveRunId: null, viewedRunId: null, panelOpen: false }),
}));
