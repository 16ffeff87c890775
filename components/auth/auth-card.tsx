import type { ReactNode } from "react";

/** The card the sign-in, sign-up and invitation pages sit in. */
export function AuthCard({
  title,
  description,
  children,
  footer,
}: {
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <section className="w-full rounded-xl border border-line bg-panel shadow-2xl shadow-black/40">
      <div className="px-6 pt-6 pb-5">
        <h1 className="text-[18px] font-semibold tracking-tight">{title}</h1>
        {description && <div className="mt-1.5 text-[13px] text-muted">{description}</div>}
        {children && <div className="mt-5">{children}</div>}
      </div>
      {footer && <div className="border-t border-line px-6 py-3.5 text-[12.5px] text-muted">{footer}</div>}
    </section>
  );
}

/** An error sentence in a form, announced to screen readers. */
export function FormError({ children, testId }: { children: ReactNode; testId?: string }) {
  if (!children) return null;
  return (
    <p role="alert" data-testid={testId} className="rounded-md border border-bad/40 bg-bad-soft px-3 py-2 text-[12.5px] text-bad">
      {children}
    </p>
  );
}
