"use client";
/**
 * The App page (`/apps/[slug]`): the App's header, its form, the runs just started (followed
 * live, then their results) and "My runs". One start mutation serves the form and re-runs, so a
 * quota refusal shows in one place.
 */
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "@/lib/client/api-client";
import { appQueryKeys } from "@/lib/client/apps/app-query-keys";
import type { AppRun, AppRunInputs } from "@/lib/client/apps/types";
import { useApp } from "@/lib/client/apps/use-app";
import { useMyAppRuns } from "@/lib/client/apps/use-my-app-runs";
import { useStartAppRuns } from "@/lib/client/apps/use-start-app-runs";
import { describeError } from "@/lib/client/error-copy";
import { toast } from "@/lib/client/toast-store";
import { Lightbox, type LightboxImage } from "../editor/lightbox";
import { Button } from "../ui/button";
import { ErrorDetails } from "../ui/error-details";
import { AlertIcon } from "../ui/icons";
import { Skeleton } from "../ui/skeleton";
import { AppHero } from "./app-hero";
import { AppManageDialog } from "./app-manage-dialog";
import { AppRunForm } from "./app-run-form";
import { AppsHeader } from "./apps-header";
import { CurrentBatch, ResultsPlaceholder } from "./current-batch";
import { MyRuns } from "./my-runs";

export function AppPageClient({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const app = useApp(slug);
  const myRuns = useMyAppRuns(slug);
  const start = useStartAppRuns(slug);
  const [batch, setBatch] = useState<Array<{ id: string; inputs: AppRunInputs }> | null>(null);
  const [manageOpen, setManageOpen] = useState(false);
  const [zoomed, setZoomed] = useState<LightboxImage | null>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const [focusResults, setFocusResults] = useState(false);
  const [origin, setOrigin] = useState<"form" | "rerun">("form");

  useEffect(() => {
    if (app.data) document.title = `${app.data.name} · Workflow Studio`;
  }, [app.data]);

  // Once the new batch is on screen, move focus to its heading so keyboard and screen-reader users follow.
  useEffect(() => {
    if (!focusResults || !batch) return;
    resultsHeading.current?.focus();
    resultsHeading.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
    setFocusResults(false);
  }, [focusResults, batch]);

  const run = useCallback(
    (items: AppRunInputs[], from: "form" | "rerun") => {
      setOrigin(from);
      start.mutate(items, {
        onSuccess: ({ runs }) => {
          setBatch(runs.map((r, i) => ({ id: r.id, inputs: items[i] ?? {} })));
          setFocusResults(true);
        },
        onError: (error) => {
          // The form shows the refusal beside Run; a re-run from the list may be far from it.
          if (from === "rerun")
            toast.failure(error instanceof ApiError && error.status === 429 ? "Daily limit reached" : "Could not start the run", error);
        },
      });
    },
    [start],
  );

  const onFinished = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: appQueryKeys.myRuns(slug) });
    void queryClient.invalidateQueries({ queryKey: appQueryKeys.app(slug), exact: true });
  }, [queryClient, slug]);

  if (app.isError) {
    const notFound = app.error instanceof ApiError && (app.error.status === 404 || app.error.status === 403);
    return (
      <div className="flex min-h-full flex-col">
        <AppsHeader />
        <div role="alert" className="m-auto flex max-w-[420px] flex-col items-center gap-3 px-6 py-20 text-center" data-testid="app-error">
          <AlertIcon size={24} className="text-bad" />
          <h1 className="text-[15px] font-semibold">{notFound ? "App not found" : "Could not open this App"}</h1>
          <p className="text-[13px] text-muted">
            {notFound ? "It may have been removed, or it belongs to another team." : describeError(app.error).sentence}
          </p>
          <ErrorDetails details={describeError(app.error).details} />
          <div className="flex gap-2">
            {!notFound && <Button onClick={() => app.refetch()}>Try again</Button>}
            <Link
              href="/apps"
              className="inline-flex h-8 items-center rounded-md bg-accent-strong px-3 text-[13px] font-medium text-white hover:bg-accent"
            >
              All Apps
            </Link>
          </div>
        </div>
      </div>
    );
  }

  if (!app.data) return <AppPageSkeleton />;

  const remaining = Math.max(0, app.data.dailyRunQuota - app.data.runsToday);
  const rerunBlocked = start.isPending ? "Starting…" : remaining === 0 ? "No runs left today on this App" : null;

  return (
    <div className="flex min-h-full flex-col">
      <AppsHeader />
      <main className="mx-auto w-full max-w-[1240px] flex-1 px-4 py-6 sm:px-6 sm:py-8" data-testid="app-page" data-app-slug={slug}>
        <AppHero app={app.data} onManage={() => setManageOpen(true)} />
        <div className="mt-7 grid items-start gap-6 lg:grid-cols-[minmax(340px,420px)_minmax(0,1fr)]">
          <div className="lg:sticky lg:top-4">
            <AppRunForm
              key={app.data.currentVersion.id}
              app={app.data}
              onRun={(items) => run(items, "form")}
              starting={start.isPending && origin === "form"}
              startError={origin === "form" ? start.error : null}
            />
          </div>
          <div className="min-w-0 space-y-8">
            {batch ? (
              <CurrentBatch
                ref={resultsHeading}
                app={app.data}
                runs={batch}
                myRuns={myRuns.data}
                onZoom={setZoomed}
                onFinished={onFinished}
              />
            ) : (
              <ResultsPlaceholder />
            )}
            <MyRuns
              app={app.data}
              runs={myRuns.data}
              loading={myRuns.isPending}
              error={myRuns.isError ? myRuns.error : null}
              onRetry={() => myRuns.refetch()}
              onRerun={(r: AppRun) => run([r.inputs], "rerun")}
              rerunBlocked={rerunBlocked}
              onZoom={setZoomed}
            />
          </div>
        </div>
      </main>
      <Lightbox image={zoomed} onClose={() => setZoomed(null)} />
      {app.data.canManage && <AppManageDialog app={app.data} open={manageOpen} onClose={() => setManageOpen(false)} />}
    </div>
  );
}

function AppPageSkeleton() {
  return (
    <div className="flex min-h-full flex-col">
      <AppsHeader />
      <main className="mx-auto w-full max-w-[1240px] px-4 py-6 sm:px-6 sm:py-8" aria-busy="true" aria-label="Loading the App">
        <div className="flex gap-5">
          <Skeleton className="h-[92px] w-[148px]" />
          <div className="flex-1 space-y-2.5 pt-4">
            <Skeleton className="h-5 w-64" />
            <Skeleton className="h-3.5 w-96" />
            <Skeleton className="h-3.5 w-32" />
          </div>
        </div>
        <div className="mt-7 grid gap-6 lg:grid-cols-[420px_1fr]">
          <Skeleton className="h-[420px] rounded-xl" />
          <Skeleton className="h-[260px] rounded-xl" />
        </div>
      </main>
    </div>
  );
}
