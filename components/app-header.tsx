"use client";
import Link from "next/link";
import type { ReactNode } from "react";
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
      className={`inline-flex h-6 shrink-0 items-center gap-1.5 rounded-full border px-2.5 whitespace-nowrap text-[11.5px] font-medium ${
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
    <Link href="/" className="flex items-center gap-2 rounded-md font-semibold tracking-tight focus-visible:outline-2 focus-visible:outline-accent" aria-label="Workflow Studio: all workflows">
      <span className="grid h-6 w-6 place-items-center rounded-md bg-gradient-to-br from-accent to-[#b06cff] text-white">
        <LayersIcon size={14} />
      </span>
      {!compact && <span className="text-[13.5px]">Workflow Studio</span>}
    </Link>
  );
}

export function AppHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="flex h-12 shrink-0 items-center gap-3 border-b border-line bg-panel px-4">
      <BrandMark />
      <div className="flex-1" />
      <ConnectionStatus />
      {children}
      <EngineBadge />
      <UserMenu />
    </header>
  );
}
