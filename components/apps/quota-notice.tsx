"use client";
import { ApiError } from "@/lib/client/api-client";
import type { QuotaDetails } from "@/lib/client/apps/types";
import { AlertIcon } from "../ui/icons";

/** When a 429 says the quota resets, in the viewer's own clock ("at 02:00 your time"). */
function localReset(details: QuotaDetails | undefined): string | null {
  if (!details?.resetsAt) return null;
  const at = new Date(details.resetsAt);
  if (Number.isNaN(at.getTime())) return null;
  return at.toLocaleString(undefined, { weekday: "short", hour: "2-digit", minute: "2-digit" });
}

/** The daily quota's refusal (429), with when it resets; any other start failure as its message. */
export function RunStartError({ error }: { error: unknown }) {
  const quota = error instanceof ApiError && error.status === 429;
  const details = quota ? (error.details as QuotaDetails | undefined) : undefined;
  const reset = localReset(details);
  return (
    <div
      role="alert"
      data-testid={quota ? "app-quota-error" : "app-run-error"}
      className={`flex gap-2.5 rounded-lg border px-3 py-2.5 text-[12.5px] ${quota ? "border-warn/40 bg-warn/10" : "border-bad/40 bg-bad-soft"}`}
    >
      <AlertIcon size={15} className={`mt-0.5 shrink-0 ${quota ? "text-warn" : "text-bad"}`} />
      <div className="min-w-0">
        <p className="font-medium text-fg">{quota ? "Daily limit reached" : "Could not start the run"}</p>
        <p className="mt-0.5 text-muted">{error instanceof Error ? error.message : String(error)}</p>
        {quota && reset && <p className="mt-0.5 text-faint">Runs are available again from {reset}, your time.</p>}
      </div>
    </div>
  );
}
