"use client";
/**
 * The editor's File menu: Import a workflow file (Scenario export, ComfyUI workflow in UI or API
 * format, or a studio file; the format is detected), Export as Scenario file, Export as studio JSON.
 * Exports download the saved workflow (GET /api/workflows/:id/export), so unsaved edits are saved first.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useEditorStore } from "@/lib/client/editor-store";
import { useImportWorkflowFile } from "@/lib/client/import-workflow-file";
import { toast } from "@/lib/client/toast-store";
import { flushSave } from "@/lib/client/workflow-saver";
import { ChevronDownIcon, DownloadIcon, UploadIcon } from "../ui/icons";
import { ImportReportDialog } from "./import-report-dialog";

const ITEM =
  "flex w-full items-center gap-2 rounded-md px-2.5 py-1.5 text-left text-[13px] text-fg outline-none hover:bg-panel-3 focus-visible:bg-panel-3 focus-visible:outline-none";

export function FileMenu() {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const menuId = useId();
  const workflowId = useEditorStore((s) => s.workflowId);
  const importFile = useImportWorkflowFile();

  const items = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? []);
  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      list[(index + (event.key === "ArrowDown" ? 1 : -1) + list.length) % list.length]?.focus();
    } else if (event.key === "Tab") close(false);
  };

  const download = async (format: "scenario" | "studio") => {
    close();
    if (!workflowId) return;
    if (!(await flushSave())) {
      toast.error(
        "Could not export",
        "Your latest edits are not saved yet, so the file would miss them: try again once the workflow shows Saved.",
      );
      return;
    }
    // A plain link: the browser downloads the file (Content-Disposition: attachment).
    const link = document.createElement("a");
    link.href = `/api/workflows/${encodeURIComponent(workflowId)}/export?format=${format}`;
    link.download = "";
    document.body.appendChild(link);
    link.click();
    link.remove();
  };

  return (
    // Phones have no files to drag in and little room in the header: the menu is for larger screens; the report shows everywhere.
    <>
      <ImportReportDialog />
      <div ref={rootRef} className="relative max-md:hidden">
        <button
          ref={buttonRef}
          type="button"
          data-testid="file-menu"
          aria-haspopup="menu"
          aria-expanded={open}
          aria-controls={open ? menuId : undefined}
          onClick={() => setOpen((value) => !value)}
          className="flex h-8 items-center gap-1 rounded-md px-2 text-[13px] text-muted hover:bg-panel-3 hover:text-fg focus-visible:outline-2 focus-visible:outline-accent"
        >
          File
          <ChevronDownIcon size={13} />
        </button>
        <input
          ref={inputRef}
          type="file"
          accept=".json,application/json"
          className="hidden"
          data-testid="import-file-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) void importFile(file);
          }}
        />
        {open && (
          <div
            ref={menuRef}
            id={menuId}
            role="menu"
            aria-label="File"
            onKeyDown={onMenuKeyDown}
            className="absolute top-full left-0 z-50 mt-1.5 w-72 rounded-lg border border-line-strong bg-panel-2 p-1 shadow-xl shadow-black/50"
          >
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              data-testid="file-import"
              className={ITEM}
              onClick={() => {
                close(false);
                inputRef.current?.click();
              }}
            >
              <UploadIcon size={14} />
              <span className="flex-1">
                Import workflow file…
                <span className="block text-[11.5px] text-faint">Scenario or ComfyUI (.json); or drop it on the canvas</span>
              </span>
            </button>
            <div className="my-1 h-px bg-line" aria-hidden="true" />
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              data-testid="file-export-scenario"
              className={ITEM}
              onClick={() => download("scenario")}
            >
              <DownloadIcon size={14} />
              Export as Scenario file
            </button>
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              data-testid="file-export-studio"
              className={ITEM}
              onClick={() => download("studio")}
            >
              <DownloadIcon size={14} />
              Export as studio JSON
            </button>
          </div>
        )}
      </div>
    </>
  );
}
