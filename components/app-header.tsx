"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { canEdit, useViewerRole } from "@/lib/client/apps/use-viewer-role";
import { useEngine } from "@/lib/client/use-engine";
import { UserMenu } from "./auth/user-menu";
import { ConnectionStatus } from "./connection-status";
import { CpuIcon, LayersIcon } from "./ui/icons";

/** The engine the server runs, as a small badge ("Local preview engine" offline). */
export function EngineBadge() {
  const { data: engine, isError } = useEngine();
  if (isError) return null;
  const local = engine?.id === "local";
  return (
    <span
      data-testid="engine-badge"
      title={local ? "Offline engine: real image operations, but text-to-image does not draw the prompt" : engine?.label}
      className={`inline-flex h-6 shrink-0 items-center gap-1.5 rounded-full border px-2.5 text-[11.5px] font-medium whitespace-nowrap ${
        local ? "border-warn/30 bg-warn/10 text-warn" : "border-line-strong bg-panel-2 text-muted"
      }`}
    >
      <CpuIcon size={12} />
      {engine?.label ?? "Engine…"}
    </span>
  );
}

/** Brand mark linking home. */
export function BrandMark({ compact = false }: { compact?: boolean }) {
  return (
    <Link
      href="/"
      className="flex items-center gap-2 rounded-md font-semibold tracking-tight focus-visible:outline-2 focus-visible:outline-accent"
      aria-label="Workflow Studio: all workflows"
    >
      <span className="grid h-6 w-6 place-items-center rounded-md bg-gradient-to-br from-accent to-[#b06cff] text-white">
        <LayersIcon size={14} />
      </span>
      {!compact && <span className="text-[13.5px]">Workflow Studio</span>}
    </Link>
  );
}

const SECTIONS = [
  {
    href: "/",
    label: "Workflows",
    testId: "nav-workflows",
    builders: true,
    active: (path: string) => path === "/" || path.startsWith("/workflows"),
  },
  { href: "/apps", label: "Apps", testId: "nav-apps", builders: false, active: (path: string) => path.startsWith("/apps") },
  { href: "/team", label: "Team", testId: "nav-team", builders: true, active: (path: string) => path.startsWith("/team") },
] as const;

/**
 * The studio's sections, on every page: Workflows and Team for owners and editors, Apps for
 * everyone (members only ever see Apps). The current section is marked with `aria-current`.
 */
export function SectionNav({ className = "" }: { className?: string }) {
  const role = useViewerRole();
  const path = usePathname() ?? "/";
  const sections = SECTIONS.filter((s) => !s.builders || canEdit(role));
  if (role === undefined) return null;
  return (
    <nav aria-label="Sections" className={`flex items-center gap-0.5 ${className}`}>
      {sections.map((section) => {
        const current = section.active(path);
        return (
          <Link
            key={section.href}
            href={section.href}
            data-testid={section.testId}
            aria-current={current ? "page" : undefined}
            className={`rounded-md px-2 py-1 text-[12.5px] font-medium hover:bg-panel-3 hover:text-fg focus-visible:outline-2 focus-visible:outline-accent sm:px-2.5 ${
              current ? "bg-panel-3 text-fg" : "text-muted"
            }`}
          >
            {section.label}
          </Link>
        );
      })}
    </nav>
  );
}

/** The header of every page but the editor: brand, sections, engine, account. On a phone the brand shows its mark only and the engine badge hides. */
export function AppHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="flex h-12 shrink-0 items-center gap-2 border-b border-line bg-panel px-3 sm:gap-3 sm:px-4">
      <span className="sm:hidden">
        <BrandMark compact />
      </span>
      <span className="hidden sm:contents">
        <BrandMark />
      </span>
      <SectionNav />
      <div className="flex-1" />
      <ConnectionStatus />
      {children}
      <span className="hidden sm:contents">
        <EngineBadge />
      </span>
      <UserMenu />
    </header>
  );
}
