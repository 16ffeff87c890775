"use client";
import { useId } from "react";
import { useUpdateApp } from "@/lib/client/apps/use-update-app";
import type { AppDetail } from "@/lib/client/apps/types";
import { credits } from "@/lib/client/format";
import { toast } from "@/lib/client/toast-store";
import { CreditLimitForm } from "../cost/credit-limit-form";

/** The App's per-run credit limit in its manage dialog: owners set or remove it, editors read it. */
export function AppCreditLimitSection({ app, editable }: { app: AppDetail; editable: boolean }) {
  const update = useUpdateApp(app.slug);
  const id = useId();
  return (
    <section className="px-5 py-4" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="mb-2 text-[12px] font-medium tracking-wide text-faint uppercase">
        Credit limit per run
      </h3>
      <CreditLimitForm
        value={app.creditLimitPerRun}
        editable={editable}
        subject="App"
        saving={update.isPending}
        onSave={(limit) =>
          update.mutateAsync(
            { creditLimitPerRun: limit },
            {
              onSuccess: () =>
                toast.success("Credit limit saved", limit === null ? "No limit per run" : `At most ${credits(limit)} per run`),
            },
          )
        }
        testId="app-credit-limit"
      />
    </section>
  );
}
