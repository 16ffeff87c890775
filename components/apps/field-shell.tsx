import type { ReactNode } from "react";

/** The input look shared with the editor's inspector (callers set the width). */
export const APP_INPUT_CLASS =
  "rounded-md border border-line-strong bg-canvas px-2.5 text-[13px] text-fg placeholder:text-faint outline-none transition-colors hover:border-[#454a55] focus:border-accent aria-[invalid=true]:border-bad disabled:opacity-50";

/**
 * One form field: label (with a required mark), control, then the error or the help text, which
 * the control names with aria-describedby (`${controlId}-desc`).
 */
export function FieldShell({
  testId,
  controlId,
  label,
  required,
  help,
  error,
  labelFor = true,
  aside,
  children,
}: {
  testId: string;
  controlId: string;
  label: string;
  required: boolean;
  help?: string;
  error?: string;
  /** False when the control is a group (the label then names it through aria-labelledby). */
  labelFor?: boolean;
  /** Right of the label: a count, a toggle. */
  aside?: ReactNode;
  children: ReactNode;
}) {
  const Label = labelFor ? "label" : "span";
  return (
    <div className="space-y-1.5" data-testid={testId}>
      <div className="flex items-center gap-2">
        <Label {...(labelFor ? { htmlFor: controlId } : {})} id={`${controlId}-label`} className="text-[12.5px] font-medium text-fg">
          {label}
          {required ? (
            <span className="ml-0.5 text-bad" aria-hidden="true">
              *
            </span>
          ) : (
            <span className="ml-1.5 text-[11.5px] font-normal text-faint">optional</span>
          )}
          {required && <span className="sr-only"> (required)</span>}
        </Label>
        {aside && <div className="ml-auto flex items-center gap-2">{aside}</div>}
      </div>
      {children}
      <div id={`${controlId}-desc`}>
        {error ? (
          <p className="text-[12px] text-bad" data-testid={`${testId}-error`}>
            {error}
          </p>
        ) : (
          help && <p className="text-[11.5px] text-faint">{help}</p>
        )}
      </div>
    </div>
  );
}
