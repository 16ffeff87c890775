/**
 * The "could not load" panel of lists and pages: what failed, why, and a Try again button.
 * An alert, so screen readers announce it.
 */
import { Button } from "./button";
import { ErrorDetails } from "./error-details";
import { AlertIcon } from "./icons";

export function LoadError({
  title,
  detail,
  technical,
  onRetry,
  testId,
}: {
  title: string;
  detail: string;
  /** The technical side (code, status, server message), behind a "Details" disclosure. */
  technical?: string | null;
  onRetry: () => void;
  testId?: string;
}) {
  return (
    <div
      role="alert"
      data-testid={testId}
      className="flex flex-col items-center gap-3 rounded-lg border border-bad/40 bg-bad-soft px-6 py-10 text-center"
    >
      <AlertIcon size={22} className="text-bad" />
      <div>
        <p className="font-medium">{title}</p>
        <p className="mt-1 text-[12.5px] text-muted">{detail}</p>
        <ErrorDetails details={technical} />
      </div>
      <Button onClick={onRetry}>Try again</Button>
    </div>
  );
}
