"use client";
import { useToastStore } from "@/lib/client/toast-store";
import { ErrorDetails } from "./error-details";
import { AlertIcon, CheckIcon, XIcon } from "./icons";

const TONES = {
  info: "border-line-strong",
  success: "border-ok/50",
  error: "border-bad/60",
} as const;

/** Renders the toast queue bottom-right; errors are announced assertively. */
export function Toaster() {
  const toasts = useToastStore((s) => s.toasts);
  const dismiss = useToastStore((s) => s.dismiss);
  return (
    <div
      className="pointer-events-none fixed right-4 bottom-4 z-[1000] flex w-[360px] max-w-[calc(100vw-32px)] flex-col gap-2"
      aria-live="polite"
    >
      {toasts.map((t) => (
        <div
          key={t.id}
          role={t.tone === "error" ? "alert" : "status"}
          data-testid="toast"
          data-tone={t.tone}
          className={`pointer-events-auto flex items-start gap-2.5 rounded-lg border bg-panel-2/95 px-3.5 py-3 shadow-xl shadow-black/40 backdrop-blur ${TONES[t.tone]}`}
        >
          <span className={`mt-0.5 ${t.tone === "error" ? "text-bad" : t.tone === "success" ? "text-ok" : "text-accent"}`}>
            {t.tone === "success" ? <CheckIcon size={15} /> : <AlertIcon size={15} />}
          </span>
          <div className="min-w-0 flex-1">
            <p className="text-[13px] font-medium">{t.title}</p>
            {t.description && <p className="mt-0.5 text-[12.5px] break-words text-muted">{t.description}</p>}
            <ErrorDetails details={t.details} />
          </div>
          <button
            type="button"
            onClick={() => dismiss(t.id)}
            aria-label="Dismiss notification"
            className="-mt-0.5 -mr-1 rounded p-1 text-faint hover:text-fg focus-visible:outline-2 focus-visible:outline-accent"
          >
            <XIcon size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
