"use client";
/**
 * Sticky notes and groups on the canvas: annotations saved with the graph (lib/graph/schema.ts
 * `annotations`), never nodes of lib/nodes, so nothing runs, validates or exposes them. A note
 * is editable text; a group is a titled frame that carries the nodes inside it when dragged
 * (editor-store.ts). Both resize with React Flow's NodeResizer; every edit is undoable.
 */
import { NodeResizer, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { GripIcon } from "../ui/icons";
import { ANNOTATION_MIN_SIZE } from "@/lib/graph/schema";
import { useEditorStore } from "@/lib/client/editor-store";
import type { StudioNode } from "@/lib/client/graph-doc";

function NoteView({ id, data, selected }: NodeProps<StudioNode>) {
  const setText = useEditorStore((s) => s.setAnnotationText);
  const beginGesture = useEditorStore((s) => s.markDragStart);
  const text = typeof data.text === "string" ? data.text : "";
  return (
    <div
      data-testid={`note-${id}`}
      className={`flex h-full w-full flex-col overflow-hidden rounded-md border bg-[#37321f] shadow-lg shadow-black/40 ${
        selected ? "border-warn ring-2 ring-warn/25" : "border-[#5b5130]"
      }`}
    >
      <NodeResizer
        isVisible={selected}
        minWidth={ANNOTATION_MIN_SIZE.width}
        minHeight={ANNOTATION_MIN_SIZE.height}
        onResizeStart={() => beginGesture()}
        color="var(--color-warn)"
      />
      <div className="flex h-6 shrink-0 cursor-grab items-center bg-[#463f26] px-2 text-[10.5px] font-medium tracking-wide text-[#d8c88c] uppercase active:cursor-grabbing">
        Note
      </div>
      <textarea
        value={text}
        onChange={(event) => setText(id, event.target.value)}
        aria-label="Note text"
        placeholder="Write a note for your team…"
        data-testid="note-text"
        maxLength={4000}
        className="nodrag nowheel min-h-0 flex-1 resize-none bg-transparent px-2.5 py-2 text-[13px] leading-snug text-[#f4e9c3] outline-none placeholder:text-[#a39665]"
      />
    </div>
  );
}

function GroupView({ id, data, selected }: NodeProps<StudioNode>) {
  const setText = useEditorStore((s) => s.setAnnotationText);
  const beginGesture = useEditorStore((s) => s.markDragStart);
  const title = typeof data.text === "string" ? data.text : "";
  return (
    <div
      data-testid={`group-${id}`}
      className={`h-full w-full rounded-xl border-2 bg-[#7b7fff0a] ${selected ? "border-accent" : "border-[#3d4150]"}`}
    >
      <NodeResizer
        isVisible={selected}
        minWidth={ANNOTATION_MIN_SIZE.width}
        minHeight={ANNOTATION_MIN_SIZE.height}
        onResizeStart={() => beginGesture()}
        color="var(--color-accent)"
      />
      <div className="flex h-9 cursor-grab items-center gap-1.5 rounded-t-[10px] bg-[#22252bcc] pr-3 pl-1.5 active:cursor-grabbing">
        <span
          className="grid h-7 w-5 place-items-center text-faint"
          data-testid="group-grip"
          title="Drag to move the group and the nodes inside it"
        >
          <GripIcon size={14} />
        </span>
        <input
          value={title}
          onChange={(event) => setText(id, event.target.value)}
          aria-label="Group title"
          placeholder="Untitled group"
          data-testid="group-title"
          maxLength={200}
          className="nodrag min-w-0 flex-1 bg-transparent text-[13.5px] font-semibold text-fg outline-none placeholder:text-faint"
        />
      </div>
    </div>
  );
}

export const NoteNodeComponent = memo(NoteView);
export const GroupNodeComponent = memo(GroupView);
