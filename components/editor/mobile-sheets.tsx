"use client";
/**
 * The editor on a phone (below Tailwind's `md`, 768 px): the palette and the inspector leave the
 * sides of the canvas and open as bottom sheets from a bar over the canvas ("Add node", "Edit
 * node"). From `md` up the sheets are `display: contents`, so the desktop layout is unchanged.
 */
import type { ReactNode } from "react";
import { create } from "zustand";
import { useEditorStore } from "@/lib/client/editor-store";
import { PencilIcon, PlusIcon, XIcon } from "../ui/icons";

type SheetName = "palette" | "inspector";

const useSheet = create<{ open: SheetName | null; setOpen: (open: SheetName | null) => void }>((set) => ({
  open: null,
  setOpen: (open) => set({ open }),
}));

/**
 * Wraps a side panel: on a phone it shows only when opened, as a sheet over the lower part of the
 * screen with a title and a close button; `closeOnButton` closes it after a button inside is used
 * (a palette entry adds its node and the sheet gets out of the way).
 */
export function EditorSheet({
  name,
  title,
  closeOnButton = false,
  children,
}: {
  name: SheetName;
  title: string;
  closeOnButton?: boolean;
  children: ReactNode;
}) {
  const open = useSheet((s) => s.open === name);
  const setOpen = useSheet((s) => s.setOpen);
  return (
    <>
      {open && <div aria-hidden="true" className="fixed inset-0 z-40 bg-black/40 md:hidden" onClick={() => setOpen(null)} />}
      <div
        data-testid={`sheet-${name}`}
        data-open={open ? "true" : "false"}
        role={open ? "dialog" : undefined}
        aria-label={open ? title : undefined}
        className={`md:contents ${
          open
            ? "fixed inset-x-0 bottom-0 z-50 flex max-h-[70vh] flex-col overflow-hidden rounded-t-xl border-t border-line-strong bg-panel shadow-2xl shadow-black/60 [&>*]:!w-full [&>*]:min-h-0 [&>*]:flex-1 [&>*]:!border-0"
            : "max-md:hidden"
        }`}
        onClick={(event) => {
          if (closeOnButton && open && (event.target as Element).closest("button")) setOpen(null);
        }}
      >
        {open && (
          <div className="flex items-center justify-between border-b border-line px-4 py-2 md:hidden">
            <span className="text-[13px] font-semibold">{title}</span>
            <button
              type="button"
              aria-label={`Close ${title.toLowerCase()}`}
              data-testid="sheet-close"
              onClick={() => setOpen(null)}
              className="grid h-8 w-8 place-items-center rounded-md text-muted hover:bg-panel-3 hover:text-fg focus-visible:outline-2 focus-visible:outline-accent"
            >
              <XIcon size={16} />
            </button>
          </div>
        )}
        {children}
      </div>
    </>
  );
}

/** The phone's bar over the canvas: open the palette, and the inspector of the selected node. */
export function MobileEditorBar() {
  const setOpen = useSheet((s) => s.setOpen);
  const selected = useEditorStore((s) => s.nodes.some((n) => n.selected));
  const button =
    "inline-flex h-10 items-center gap-2 rounded-full border border-line-strong bg-panel-2/95 px-4 text-[13px] font-medium shadow-lg shadow-black/40 hover:bg-panel-3 focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-50";
  return (
    <div className="pointer-events-none absolute inset-x-0 bottom-3 z-10 flex justify-center gap-2 md:hidden">
      <button type="button" data-testid="mobile-add-node" className={`pointer-events-auto ${button}`} onClick={() => setOpen("palette")}>
        <PlusIcon size={15} /> Add node
      </button>
      <button
        type="button"
        data-testid="mobile-edit-node"
        className={`pointer-events-auto ${button}`}
        disabled={!selected}
        onClick={() => setOpen("inspector")}
      >
        <PencilIcon size={14} /> Edit node
      </button>
    </div>
  );
}
