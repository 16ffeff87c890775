"use client";
import { useConnectionStore } from "@/lib/client/connection-store";
import { useConnectionWatch } from "@/lib/client/use-connection-watch";
import { AlertIcon } from "./ui/icons";
import { Spinner } from "./ui/spinner";

/**
 * The header's notice that the studio's server is not answering ("Connection lost ·
 * reconnecting…"), shown within 5 s of the server going quiet and gone as soon as it answers
 * again. Renders nothing while online. Mounts the connection watch (one per page).
 */
export function ConnectionStatus({ compact = false }: { compact?: boolean }) {
  useConnectionWatch();
  const online = useConnectionStore((s) => s.online);
  if (online) return null;
  return (
    <span
      role="status"
      aria-live="polite"
      data-testid="connection-status"
      title="The studio's server is not answering. Edits are kept in this browser and saved when it is back; runs continue on the server."
      className="inline-flex h-6 shrink-0 items-center gap-1.5 rounded-full border border-bad/50 bg-bad-soft px-2.5 text-[11.5px] font-medium whitespace-nowrap text-[#ffb0b0]"
    >
      <AlertIcon size={12} />
      {compact ? (
        "Offline"
      ) : (
        <>
          <span className="hidden sm:inline">Connection lost</span>
          <span className="sm:hidden">Offline</span>
        </>
      )}
      <span className="flex items-center gap-1 font-normal text-[#ffb0b0]/80">
        <Spinner size={10} />
        {!compact && <span className="hidden 2xl:inline">reconnecting…</span>}
      </span>
    </span>
  );
}
