"use client";
import Link from "next/link";
import { useEffect, useId, useState } from "react";
import { DAILY_RUN_QUOTA_LIMITS } from "@/lib/apps/quota";
import { errorMessage } from "@/lib/client/api-client";
import type { AppDetail } from "@/lib/client/apps/types";
import { canSetQuota, useViewerRole } from "@/lib/client/apps/use-viewer-role";
import { useRollbackApp } from "@/lib/client/apps/use-rollback-app";
import { useUpdateApp } from "@/lib/client/apps/use-update-app";
import { absoluteTime, relativeTime } from "@/lib/client/format";
import { toast } from "@/lib/client/toast-store";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { CheckIcon } from "../ui/icons";
import { Spinner } from "../ui/spinner";
import { ExternalIcon } from "../ui/icons";
import { AppCreditLimitSection } from "./app-credit-limit-section";
import { APP_INPUT_CLASS } from "./field-shell";

/** Owners and editors: versions with rollback, the daily quota (owners set it), the workflow. */
export function AppManageDialog({ app, open, onClose }: { app: AppDetail; open: boolean; onClose: () => void }) {
  const role = useViewerRole();
  const rollback = useRollbackApp(app.slug);
  const workflowId = app.workflowId ?? app.currentVersion.workflowId;
  const versions = [...(app.versions ?? [])].sort((a, b) => b.version - a.version);

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Manage ${app.name}`}
      description="Changes apply to everyone on the team at once."
      className="w-[560px]"
      testId="app-manage-dialog"
    >
      <div className="divide-y divide-line">
        <section className="px-5 py-4" aria-labelledby="manage-versions">
          <h3 id="manage-versions" className="mb-2 text-[12px] font-medium tracking-wide text-faint uppercase">
            Versions
          </h3>
          {versions.length === 0 ? (
            <p className="text-[12.5px] text-muted">Only the current version is known.</p>
          ) : (
            <ul className="overflow-hidden rounded-lg border border-line" data-testid="app-versions">
              {versions.map((v) => {
                const current = v.version === app.currentVersion.version;
                return (
                  <li
                    key={v.id}
                    className="flex items-center gap-3 border-b border-line px-3 py-2 last:border-b-0"
                    data-testid="app-version-row"
                    data-version={v.version}
                  >
                    <span className="w-10 font-medium tabular-nums">v{v.version}</span>
                    <span className="min-w-0 flex-1 truncate text-[12px] text-muted">
                      <time dateTime={v.createdAt} title={absoluteTime(v.createdAt)}>
                        {relativeTime(v.createdAt)}
                      </time>{" "}
                      by {v.publishedBy.name}
                    </span>
                    {current ? (
                      <span className="inline-flex items-center gap-1 rounded-full bg-ok/15 px-2 py-px text-[11px] font-medium text-ok">
                        <CheckIcon size={11} /> Live
                      </span>
                    ) : (
                      <Button
                        size="sm"
                        data-testid={`app-rollback-${v.version}`}
                        disabled={rollback.isPending}
                        onClick={() =>
                          rollback.mutate(v.version, {
                            onSuccess: () => toast.success(`${app.name} now runs version ${v.version}`),
                            onError: (error) => toast.error("Could not switch versions", errorMessage(error)),
                          })
                        }
                      >
                        {rollback.isPending && rollback.variables === v.version ? <Spinner size={11} /> : null}
                        {v.version < app.currentVersion.version ? "Roll back" : "Make live"}
                      </Button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        <QuotaSection app={app} editable={app.canSetQuota ?? canSetQuota(role)} />
        <AppCreditLimitSection app={app} editable={app.canSetQuota ?? canSetQuota(role)} />
        <section className="px-5 py-4" aria-labelledby="manage-workflow">
          <h3 id="manage-workflow" className="mb-2 text-[12px] font-medium tracking-wide text-faint uppercase">
            Workflow
          </h3>
          <p className="mb-2 text-[12.5px] text-muted">
            Edits to the workflow change nothing here until it is published again as a new version.
          </p>
          {workflowId ? (
            <Link
              href={`/workflows/${encodeURIComponent(workflowId)}`}
              data-testid="app-open-editor"
              className="inline-flex h-8 items-center gap-2 rounded-md border border-line-strong bg-panel-2 px-3 text-[13px] font-medium hover:bg-panel-3 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
            >
              <ExternalIcon size={14} /> Open the workflow in the editor
            </Link>
          ) : (
            <Link href="/" className="text-[12.5px] text-accent hover:underline focus-visible:outline-2 focus-visible:outline-accent">
              Go to workflows
            </Link>
          )}
        </section>
      </div>
    </Dialog>
  );
}

function QuotaSection({ app, editable }: { app: AppDetail; editable: boolean }) {
  const update = useUpdateApp(app.slug);
  const id = useId();
  const [draft, setDraft] = useState(String(app.dailyRunQuota));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(String(app.dailyRunQuota)), [app.dailyRunQuota]);

  const save = () => {
    const value = Number(draft);
    if (!Number.isInteger(value) || value < DAILY_RUN_QUOTA_LIMITS.min || value > DAILY_RUN_QUOTA_LIMITS.max) {
      setError(`A whole number from ${DAILY_RUN_QUOTA_LIMITS.min} to ${DAILY_RUN_QUOTA_LIMITS.max}.`);
      return;
    }
    setError(null);
    update.mutate(
      { dailyRunQuota: value },
      {
        onSuccess: () => toast.success("Daily quota saved", `${value} runs per member per day`),
        onError: (err) => setError(errorMessage(err)),
      },
    );
  };

  return (
    <section className="px-5 py-4" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="mb-2 text-[12px] font-medium tracking-wide text-faint uppercase">
        Daily run quota
      </h3>
      {editable ? (
        <form
          className="space-y-1.5"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <label htmlFor={id} className="block text-[12.5px] text-muted">
            Runs each member may start per day on this App (resets at 00:00 UTC)
          </label>
          <div className="flex items-center gap-2">
            <input
              id={id}
              type="number"
              min={DAILY_RUN_QUOTA_LIMITS.min}
              max={DAILY_RUN_QUOTA_LIMITS.max}
              step={1}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              aria-invalid={!!error}
              aria-describedby={`${id}-error`}
              data-testid="app-quota-input"
              className={`${APP_INPUT_CLASS} h-8 w-28 tabular-nums`}
            />
            <Button type="submit" size="md" disabled={update.isPending || draft === String(app.dailyRunQuota)} data-testid="app-quota-save">
              {update.isPending && <Spinner size={12} />} Save
            </Button>
          </div>
          <p id={`${id}-error`} className="text-[12px] text-bad">
            {error}
          </p>
        </form>
      ) : (
        <p className="text-[12.5px] text-muted">
          <span className="font-medium text-fg tabular-nums">{app.dailyRunQuota}</span> runs per member per day. The team owner can change
          it.
        </p>
      )}
    </section>
  );
}
