"use client";

/**
 * The technical side of an error (code, HTTP status, the server's message and details) behind a
 * closed "Details" disclosure, so the sentence above it stays about the designer's work.
 * `floating` opens the text in a panel below the summary (for one-line places such as a header).
 */
export function ErrorDetails({
  details,
  floating = false,
  className = "",
}: {
  details: string | null | undefined;
  floating?: boolean;
  className?: string;
}) {
  if (!details) return null;
  return (
    <details data-testid="error-details" className={`${floating ? "relative shrink-0" : "mt-1"} text-[11.5px] text-faint ${className}`}>
      <summary className="cursor-pointer whitespace-nowrap select-none hover:text-muted focus-visible:outline-2 focus-visible:outline-accent">
        Details
      </summary>
      <pre
        className={`mt-1 max-h-48 overflow-auto rounded border border-line bg-canvas p-2 font-mono text-[10.5px] break-words whitespace-pre-wrap text-muted ${
          floating ? "absolute top-full left-0 z-50 w-[min(420px,80vw)] shadow-xl shadow-black/40" : ""
        }`}
      >
        {details}
      </pre>
    </details>
  );
}
