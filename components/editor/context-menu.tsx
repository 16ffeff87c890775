"use client";
/**
 * A right-click menu at a screen point (WAI-ARIA menu pattern): the first item takes focus,
 * ↑/↓ (and Home/End) move between items, Enter or Space picks, Escape, a click outside,
 * scrolling or resizing closes it. Kept inside the window.
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";

export interface MenuItem {
  label: string;
  /** Shown right-aligned, e.g. "Ctrl+D". */
  shortcut?: string;
  icon?: ReactNode;
  disabled?: boolean;
  danger?: boolean;
  testId?: string;
  onSelect(): void;
}

export function ContextMenu({
  x,
  y,
  items,
  label,
  onClose,
}: {
  x: number;
  y: number;
  items: readonly MenuItem[];
  label: string;
  onClose(): void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: x, top: y });

  useLayoutEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const { width, height } = menu.getBoundingClientRect();
    setPosition({
      left: Math.max(4, Math.min(x, window.innerWidth - width - 4)),
      top: Math.max(4, Math.min(y, window.innerHeight - height - 4)),
    });
    menu.querySelector<HTMLElement>("[role=menuitem]:not([aria-disabled=true])")?.focus();
  }, [x, y]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    const close = () => onClose();
    window.addEventListener("pointerdown", onPointerDown, true);
    window.addEventListener("resize", close);
    window.addEventListener("wheel", close, { passive: true });
    return () => {
      window.removeEventListener("pointerdown", onPointerDown, true);
      window.removeEventListener("resize", close);
      window.removeEventListener("wheel", close);
    };
  }, [onClose]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const entries = Array.from(ref.current?.querySelectorAll<HTMLElement>("[role=menuitem]:not([aria-disabled=true])") ?? []);
    const index = entries.indexOf(document.activeElement as HTMLElement);
    let next: number | null = null;
    if (event.key === "ArrowDown") next = (index + 1) % entries.length;
    else if (event.key === "ArrowUp") next = (index - 1 + entries.length) % entries.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = entries.length - 1;
    else if (event.key === "Escape" || event.key === "Tab") {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (next !== null) {
      event.preventDefault();
      entries[next]?.focus();
    }
    // Shortcut keys must not act on the canvas behind an open menu.
    event.stopPropagation();
  };

  return (
    <div
      ref={ref}
      role="menu"
      aria-label={label}
      data-testid="context-menu"
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
      style={{ left: position.left, top: position.top }}
      className="fixed z-50 min-w-[208px] rounded-lg border border-line-strong bg-panel-2 p-1 text-[13px] shadow-xl shadow-black/50"
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          aria-disabled={item.disabled || undefined}
          data-testid={item.testId}
          onClick={() => {
            if (item.disabled) return;
            onClose();
            item.onSelect();
          }}
          className={`flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left outline-none focus:bg-panel-3 aria-disabled:cursor-default aria-disabled:opacity-45 ${
            item.danger ? "text-bad" : "text-fg"
          } hover:bg-panel-3`}
        >
          <span className="grid w-4 place-items-center text-muted" aria-hidden="true">
            {item.icon}
          </span>
          <span className="flex-1">{item.label}</span>
          {item.shortcut && <kbd className="font-sans text-[11.5px] text-faint">{item.shortcut}</kbd>}
        </button>
      ))}
    </div>
  );
}
