import { forwardRef, useId, type InputHTMLAttributes, type ReactNode } from "react";

export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: ReactNode;
  /** Shown under the field (and linked to it) when set. */
  error?: string | null;
}

/** A labelled input with its hint or error underneath. */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, hint, error, className = "", id, ...props },
  ref,
) {
  const fallbackId = useId();
  const inputId = id ?? fallbackId;
  const noteId = `${inputId}-note`;
  const note = error || hint;
  return (
    <div className={className}>
      <label htmlFor={inputId} className="mb-1.5 block text-[12.5px] font-medium text-fg">
        {label}
      </label>
      <input
        ref={ref}
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={note ? noteId : undefined}
        className={`h-9 w-full rounded-md border bg-canvas px-3 text-[13.5px] text-fg outline-none placeholder:text-faint read-only:text-muted ${
          error ? "border-bad/70 focus:border-bad" : "border-line-strong focus:border-accent"
        }`}
        {...props}
      />
      {note && (
        <p id={noteId} className={`mt-1.5 text-[12px] ${error ? "text-bad" : "text-faint"}`}>
          {note}
        </p>
      )}
    </div>
  );
});

/** A light check before asking the server (which checks properly): something@something.tld. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
