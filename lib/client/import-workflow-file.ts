/**
 * File → Import and a `.json` dropped on the canvas: reads a workflow file (Scenario, ComfyUI or the
 * studio's own), asks POST /api/interop/import to turn it into studio nodes, adds them to the open
 * workflow as one undo step (editor-store `addImportedGraph`) and opens the import report. Nothing is
 * added when the file is refused; the toast says why in the designer's words.
 */
import { useReactFlow } from "@xyflow/react";
import { useCallback } from "react";
import { create } from "zustand";
import type { ImportReport } from "@/lib/interop/report";
import type { WorkflowGraph } from "@/lib/graph/schema";
import { request } from "./api-client";
import { useEditorStore } from "./editor-store";
import { toast } from "./toast-store";

/** Files larger than this are refused before reading (the route's own limit is the same, 4 MB). */
export const MAX_IMPORT_FILE_BYTES = 4 * 1024 * 1024;

interface ImportResponse {
  kind: ImportReport["source"];
  graph: WorkflowGraph;
  report: ImportReport;
}

/** The report of the last import, shown by the import report dialog until closed. */
interface ImportReportState {
  shown: { fileName: string; report: ImportReport; addedNodes: number } | null;
  close(): void;
}

export const useImportReportStore = create<ImportReportState>((set) => ({
  shown: null,
  close: () => set({ shown: null }),
}));

/** True for a file the canvas should import rather than upload as an image (`.json`, or a JSON media type). */
export function isWorkflowFile(file: Pick<File, "name" | "type">): boolean {
  return file.type === "application/json" || file.name.toLowerCase().endsWith(".json");
}

/**
 * Imports `file` into the open workflow. Resolves to the ids of the added nodes ([] when the file
 * was refused: a toast then says why).
 */
async function importWorkflowFileIntoEditor(file: File): Promise<string[]> {
  if (file.size > MAX_IMPORT_FILE_BYTES) {
    toast.error("Could not import the file", `“${file.name}” is over 4 MB: a workflow file is much smaller. Is it the right file?`);
    return [];
  }
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch (error) {
    toast.error(
      "Could not import the file",
      `“${file.name}” is not a JSON file: export the workflow again from Scenario or ComfyUI.`,
      String(error),
    );
    return [];
  }
  try {
    const result = await request<ImportResponse>("/api/interop/import", { method: "POST", json });
    const added = useEditorStore.getState().addImportedGraph(result.graph);
    useImportReportStore.setState({ shown: { fileName: file.name, report: result.report, addedNodes: added.length } });
    return added;
  } catch (error) {
    toast.failure("Could not import the file", error);
    return [];
  }
}

/** {@link importWorkflowFileIntoEditor}, then the view moves to the imported nodes (inside the editor's React Flow provider). */
export function useImportWorkflowFile(): (file: File) => Promise<void> {
  const { fitView } = useReactFlow();
  return useCallback(
    async (file: File) => {
      const ids = await importWorkflowFileIntoEditor(file);
      // After React Flow has the new nodes (fitView waits for them to be measured).
      if (ids.length > 0)
        requestAnimationFrame(() => void fitView({ nodes: ids.map((id) => ({ id })), padding: 0.2, maxZoom: 1, duration: 300 }));
    },
    [fitView],
  );
}
