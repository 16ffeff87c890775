"use client";
/**
 * Quick add: a searchable list of node kinds (cmdk) at a screen point. Typing filters by name
 * and description; ↑/↓ and Enter pick, Escape or a click outside closes. Opened by a
 * double-click on the canvas, Space, the toolbar, or a wire dropped on empty space (then only
 * the kinds that wire can connect to are listed).
 */
import { Command } from "cmdk";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { AnyNodeDefinition } from "@/lib/nodes";
import { NodeChip, categoryTone } from "./node-appearance";

export interface QuickAddChoice {
  definition: AnyNodeDefinition;
  /** The port of the new node a dropped wire connects to. */
  port?: string;
}

const WIDTH = 320;
const HEIGHT = 360;

export function QuickAdd({
  x,
  y,
  choices,
  title,
  onPick,
  onClose,
}: {
  x: number;
  y: number;
  choices: readonly QuickAddChoice[];
  title: string;
  onPick(choice: QuickAddChoice): void;
  onClose(): void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: x, top: y });

  useLayoutEffect(() => {
    setPosition({
      left: Math.max(4, Math.min(x, window.innerWidth - WIDTH - 4)),
      top: Math.max(4, Math.min(y, window.innerHeight - HEIGHT - 4)),
    });
  }, [x, y]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener("pointerdown", onPointerDown, true);
    return () => window.removeEventListener("pointerdown", onPointerDown, true);
  }, [onClose]);

  return (
    <div
      ref={ref}
      data-testid="quick-add"
      style={{ left: position.left, top: position.top, width: WIDTH }}
      className="fixed z-50 overflow-hidden rounded-lg border border-line-strong bg-panel-2 shadow-xl shadow-black/50"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onClose();
        }
        // Keys typed here are for the search, not the canvas shortcuts.
        event.stopPropagation();
      }}
    >
      <Command label={title} loop>
        <div className="border-b border-line px-3 pt-2 pb-1 text-[11px] font-medium tracking-wide text-faint uppercase">{title}</div>
        <Command.Input
          autoFocus
          placeholder="Search nodes…"
          data-testid="quick-add-input"
          className="w-full border-b border-line bg-transparent px-3 py-2 text-[13px] text-fg outline-none placeholder:text-faint"
        />
        <Command.List className="max-h-[280px] overflow-y-auto p-1" style={{ scrollPaddingBlock: 4 }}>
          <Command.Empty className="px-3 py-4 text-center text-[12.5px] text-muted">No node matches: try another word.</Command.Empty>
          {choices.map((choice) => (
            <Command.Item
              key={choice.definition.type}
              value={choice.definition.label}
              keywords={[choice.definition.description, categoryTone(choice.definition.category).label]}
              onSelect={() => onPick(choice)}
              data-testid={`quick-add-${choice.definition.type}`}
              className="flex cursor-pointer items-center gap-2.5 rounded-md px-2 py-1.5 data-[selected=true]:bg-panel-3"
            >
              <NodeChip definition={choice.definition} size="sm" />
              <span className="min-w-0 flex-1">
                <span className="block truncate text-[13px] font-medium text-fg">{choice.definition.label}</span>
                <span className="block truncate text-[11.5px] text-faint">{choice.definition.description}</span>
              </span>
            </Command.Item>
          ))}
        </Command.List>
      </Command>
    </div>
  );
}
