"use client";
import Link from "next/link";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { toast } from "@/lib/client/toast-store";
import { ChevronDownIcon } from "../ui/icons";
import { Spinner } from "../ui/spinner";
import { RoleBadge } from "./role-badge";
import { signOutAndLeave } from "./sign-out";
import { useTeamSession } from "@/lib/client/use-team-session";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? "?").slice(0, 2);
  return letters.toUpperCase();
}

/**
 * The signed-in user's menu in the header: who they are, their team and role, the Team page
 * (owners), and Sign out. A menu button: Enter, Space or ↓ opens it, ↑/↓ move, Escape closes.
 * `compact` (the editor's crowded header) shows the avatar alone; the team's name stays in the menu.
 */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const session = useTeamSession();
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

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

  if (session.isPending) return <span aria-hidden="true" className="skeleton h-7 w-7 rounded-full" />;
  const data = session.data;
  if (!data) return null;

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
      const step = event.key === "ArrowDown" ? 1 : -1;
      list[(index + step + list.length) % list.length]?.focus();
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      (event.key === "Home" ? list[0] : list[list.length - 1])?.focus();
    } else if (event.key === "Tab") {
      close(false);
    }
  };

  const signOut = async () => {
    setSigningOut(true);
    const error = await signOutAndLeave();
    if (error) {
      setSigningOut(false);
      toast.error("Could not sign out", error);
    }
  };

  const itemClass =
    "flex w-full items-center gap-2 rounded-md px-2.5 py-1.5 text-left text-[13px] text-fg outline-none hover:bg-panel-3 focus-visible:bg-panel-3 focus-visible:outline-none";

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        data-testid="user-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Account: ${data.user.name}${data.team ? `, ${data.team.name}, ${ROLE_LABELS[data.role!]}` : ""}`}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
        className="flex h-8 items-center gap-2 rounded-md pr-1.5 pl-1 text-muted hover:bg-panel-3 hover:text-fg focus-visible:outline-2 focus-visible:outline-accent"
      >
        <span
          className="grid h-6 w-6 place-items-center rounded-full bg-accent-soft text-[10.5px] font-semibold text-[#c5c7ff]"
          aria-hidden="true"
        >
          {initials(data.user.name)}
        </span>
        {data.team && !compact && <span className="hidden max-w-[160px] truncate text-[12.5px] sm:inline">{data.team.name}</span>}
        <ChevronDownIcon size={14} />
      </button>

      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label="Account"
          onKeyDown={onMenuKeyDown}
          className="absolute top-full right-0 z-50 mt-1.5 w-64 rounded-lg border border-line-strong bg-panel-2 p-1 shadow-xl shadow-black/50"
        >
          <div className="border-b border-line px-2.5 pt-1.5 pb-2.5">
            <p className="truncate text-[13px] font-medium text-fg">{data.user.name}</p>
            <p className="truncate text-[12px] text-muted">{data.user.email}</p>
            {data.team && data.role ? (
              <p className="mt-2 flex items-center gap-2 text-[12px] text-muted">
                <span className="min-w-0 truncate">{data.team.name}</span>
                <RoleBadge role={data.role} />
              </p>
            ) : (
              <p className="mt-2 text-[12px] text-faint">Not in a team yet</p>
            )}
          </div>
          <div className="pt-1">
            {data.role === "owner" && (
              <Link
                href="/team"
                role="menuitem"
                tabIndex={-1}
                data-testid="user-menu-team"
                className={itemClass}
                onClick={() => setOpen(false)}
              >
                Team
              </Link>
            )}
            <button
              type="button"
              role="menuitem"
              tabIndex={-1}
              data-testid="sign-out"
              className={itemClass}
              disabled={signingOut}
              onClick={signOut}
            >
              {signingOut && <Spinner size={12} />}
              Sign out
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
