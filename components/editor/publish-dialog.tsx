"use client";
/**
 * "Publish as App": saves the workflow first (autosave flushed), then lets the designer choose
 * which values the App's form exposes (with label, help, default, required), shows the Output
 * nodes it returns, and takes the App's name, slug, description and cover. It publishes a new
 * App or a new version of an existing one; the server's refusals (invalid graph, no Output node,
 * nothing exposed, slug taken) are shown as they are worded.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { FormProvider, useForm, useWatch, type Resolver } from "react-hook-form";
import { listAppOutputs, listExposableInputs, type ExposableInput } from "@/lib/apps/exposable-inputs";
import { ApiError, errorMessage } from "@/lib/client/api-client";
import { initialInputs, publishFormSchema, slugify, toPublishBody, type PublishFormValues } from "@/lib/client/apps/publish-form";
import type { PublishAppResponse } from "@/lib/client/apps/types";
import { useApp } from "@/lib/client/apps/use-app";
import { useApps } from "@/lib/client/apps/use-apps";
import { usePublishApp } from "@/lib/client/apps/use-publish-app";
import { useEditorStore } from "@/lib/client/editor-store";
import { toGraph } from "@/lib/client/graph-doc";
import { toast } from "@/lib/client/toast-store";
import { flushSave } from "@/lib/client/workflow-saver";
import type { WorkflowGraph } from "@/lib/graph/schema";
import { PublishIcon } from "../ui/icons";
import { APP_INPUT_CLASS } from "../apps/field-shell";
import { PublishCoverPicker } from "../apps/publish-cover-picker";
import { PublishInputRow } from "../apps/publish-input-row";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { AlertIcon, CheckIcon, FlagIcon } from "../ui/icons";
import { Skeleton } from "../ui/skeleton";
import { Spinner } from "../ui/spinner";

/** The header button; the dialog mounts only while open. */
export function PublishAppButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="secondary"
        data-testid="publish-open"
        onClick={() => setOpen(true)}
        title="Publish this workflow as an App with a simple form for your team"
      >
        <PublishIcon size={13} className="text-accent" />
        Publish as App
      </Button>
      {open && <PublishDialog onClose={() => setOpen(false)} />}
    </>
  );
}

type Prepared = { status: "saving" } | { status: "error"; message: string } | { status: "ready"; graph: WorkflowGraph };

function PublishDialog({ onClose }: { onClose: () => void }) {
  const workflowId = useEditorStore((s) => s.workflowId) ?? "";
  const [prepared, setPrepared] = useState<Prepared>({ status: "saving" });
  const [attempt, setAttempt] = useState(0);
  const [published, setPublished] = useState<PublishAppResponse | null>(null);
  const formId = useId();
  const publish = usePublishApp(workflowId);

  // Publishing freezes the saved workflow: save what is on the canvas first.
  useEffect(() => {
    let live = true;
    void flushSave().then((ok) => {
      if (!live) return;
      const store = useEditorStore.getState();
      if (ok) setPrepared({ status: "ready", graph: toGraph(store.nodes, store.edges, store.annotations) });
      else
        setPrepared({
          status: "error",
          message:
            store.save.error ??
            (store.save.conflict ? "Someone else saved this workflow: reload it first." : "The workflow could not be saved."),
        });
    });
    return () => {
      live = false;
    };
  }, [attempt]);

  return (
    <Dialog
      open
      onClose={onClose}
      title={
        <span className="flex items-center gap-2">
          <PublishIcon size={15} className="text-accent" /> Publish as App
        </span>
      }
      description="Teammates get a short form for this workflow; they never see the graph. Publishing freezes the workflow as it is now."
      className="w-[780px]"
      testId="publish-dialog"
      footer={
        published ? (
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        ) : (
          <>
            <Button variant="ghost" onClick={onClose}>
              Cancel
            </Button>
            <Button
              type="submit"
              form={formId}
              variant="primary"
              data-testid="publish-submit"
              disabled={prepared.status !== "ready" || publish.isPending}
            >
              {publish.isPending ? <Spinner size={12} /> : <PublishIcon size={13} />}
              {publish.isPending ? "Publishing…" : "Publish"}
            </Button>
          </>
        )
      }
    >
      {published ? (
        <PublishedPanel result={published} />
      ) : prepared.status === "saving" ? (
        <div className="space-y-3 px-5 py-5" aria-busy="true">
          <p className="flex items-center gap-2 text-[12.5px] text-muted">
            <Spinner size={12} /> Saving the workflow…
          </p>
          <Skeleton className="h-9" />
          <Skeleton className="h-9" />
          <Skeleton className="h-24" />
        </div>
      ) : prepared.status === "error" ? (
        <div role="alert" className="flex flex-col items-start gap-3 px-5 py-5" data-testid="publish-save-error">
          <p className="flex items-center gap-2 font-medium">
            <AlertIcon size={15} className="text-bad" /> Save the workflow before publishing
          </p>
          <p className="text-[12.5px] text-muted">{prepared.message}</p>
          <Button
            onClick={() => {
              setPrepared({ status: "saving" });
              setAttempt((n) => n + 1);
            }}
          >
            Try again
          </Button>
        </div>
      ) : (
        <PublishForm
          formId={formId}
          workflowId={workflowId}
          graph={prepared.graph}
          publish={publish}
          onPublished={(result) => {
            setPublished(result);
            toast.success(`Published ${result.app.name}`, `Version ${result.version.version} is live at /apps/${result.app.slug}`);
          }}
        />
      )}
    </Dialog>
  );
}

function PublishForm({
  formId,
  workflowId,
  graph,
  publish,
  onPublished,
}: {
  formId: string;
  workflowId: string;
  graph: WorkflowGraph;
  publish: ReturnType<typeof usePublishApp>;
  onPublished: (result: PublishAppResponse) => void;
}) {
  const workflowName = useEditorStore((s) => s.name);
  const candidates = useMemo(() => listExposableInputs(graph), [graph]);
  const outputs = useMemo(() => listAppOutputs(graph), [graph]);
  const apps = useApps();
  const form = useForm<PublishFormValues>({
    resolver: zodResolver(publishFormSchema) as unknown as Resolver<PublishFormValues>,
    defaultValues: {
      target: "",
      name: workflowName,
      slug: slugify(workflowName),
      description: "",
      cover: null,
      inputs: initialInputs(candidates),
    },
    mode: "onTouched",
  });
  const target = useWatch({ control: form.control, name: "target" });
  const targetApp = useApp(target || null);
  const slugEdited = useRef(false);
  const errorBox = useRef<HTMLDivElement>(null);
  const inputsSection = useRef<HTMLElement>(null);

  // A refusal is about what was sent: choosing another target starts afresh.
  const { reset: resetPublish } = publish;
  useEffect(() => resetPublish(), [target, resetPublish]);
  // Show the server's refusal where the eye is (the form scrolls inside the dialog).
  useEffect(() => {
    if (publish.error) errorBox.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [publish.error]);

  // This workflow's App, if it has one: offer its new version first.
  const ownApp = apps.data?.find((a) => a.workflowId === workflowId);
  const chose = useRef(false);
  useEffect(() => {
    if (ownApp && !chose.current) {
      chose.current = true;
      form.setValue("target", ownApp.slug);
    }
  }, [ownApp, form]);

  // Publishing a new version: start from what that App is now.
  const filledFrom = useRef<string | null>(null);
  useEffect(() => {
    const app = targetApp.data;
    if (!target) {
      if (filledFrom.current) {
        filledFrom.current = null;
        slugEdited.current = false;
        form.reset({
          target: "",
          name: workflowName,
          slug: slugify(workflowName),
          description: "",
          cover: null,
          inputs: initialInputs(candidates),
        });
      }
      return;
    }
    if (!app || app.slug !== target || filledFrom.current === target) return;
    filledFrom.current = target;
    form.reset({
      target,
      name: app.name,
      slug: app.slug,
      description: app.description,
      cover: "keep",
      inputs: initialInputs(candidates, app.currentVersion.inputs),
    });
  }, [target, targetApp.data, candidates, form, workflowName]);

  const nameField = form.register("name", {
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
      if (!target && !slugEdited.current)
        form.setValue("slug", slugify(event.target.value), { shouldValidate: form.formState.isSubmitted });
    },
  });
  const { errors } = form.formState;
  const existing = !!target;
  const nextVersion = existing && targetApp.data ? targetApp.data.currentVersion.version + 1 : null;

  const submit = form.handleSubmit(
    (values) => {
      publish.mutate(toPublishBody(candidates, values), {
        onSuccess: onPublished,
        onError: (error) => {
          if (error instanceof ApiError && error.status === 409 && error.details?.field === "slug")
            form.setError("slug", { message: "Taken by another App: choose another" }, { shouldFocus: true });
          const fields =
            error instanceof ApiError && Array.isArray(error.details?.fields)
              ? (error.details.fields as Array<{ path: string; message: string }>)
              : [];
          for (const f of fields)
            if (f.path === "name" || f.path === "slug" || f.path === "description") form.setError(f.path, { message: f.message });
        },
      });
    },
    (invalid) => {
      // A list-wide error has no field to focus: bring the list into view.
      if (invalid.inputs?.root || invalid.inputs?.message) inputsSection.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
    },
  );

  return (
    <FormProvider {...form}>
      <form id={formId} noValidate onSubmit={submit} className="divide-y divide-line" data-testid="publish-form">
        {publish.error && (
          <div ref={errorBox} role="alert" className="flex gap-2.5 bg-bad-soft px-5 py-3 text-[12.5px]" data-testid="publish-error">
            <AlertIcon size={15} className="mt-0.5 shrink-0 text-bad" />
            <div className="min-w-0">
              <p className="font-medium">Not published</p>
              <p className="mt-0.5 text-muted">{errorMessage(publish.error)}</p>
              {publish.error instanceof ApiError && publish.error.issues.length > 1 && (
                <ul className="mt-1 list-disc pl-4 text-muted">
                  {publish.error.issues.slice(1, 6).map((issue, i) => (
                    <li key={i}>{issue.message}</li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        )}
        <section className="space-y-3 px-5 py-4" aria-label="App">
          <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <legend className="sr-only">Publish as</legend>
            <label className="flex cursor-pointer items-center gap-2 text-[13px]">
              <input
                type="radio"
                value=""
                checked={!existing}
                onChange={() => form.setValue("target", "")}
                className="accent-[var(--color-accent)]"
                data-testid="publish-target-new"
              />
              A new App
            </label>
            <label className={`flex items-center gap-2 text-[13px] ${apps.data && apps.data.length > 0 ? "cursor-pointer" : "text-faint"}`}>
              <input
                type="radio"
                checked={existing}
                disabled={!apps.data || apps.data.length === 0}
                onChange={() => apps.data?.[0] && form.setValue("target", (ownApp ?? apps.data[0]).slug)}
                className="accent-[var(--color-accent)]"
                data-testid="publish-target-existing"
              />
              A new version of
            </label>
            <select
              aria-label="App to publish a new version of"
              data-testid="publish-target"
              value={target}
              disabled={!apps.data || apps.data.length === 0}
              onChange={(event) => form.setValue("target", event.target.value)}
              className="h-8 min-w-[240px] rounded-md border border-line-strong bg-canvas px-2.5 pr-7 text-[13px] text-fg outline-none hover:border-[#454a55] focus:border-accent disabled:opacity-50"
            >
              <option value="">{apps.isPending ? "Loading Apps…" : apps.data?.length ? "— choose an App —" : "No Apps yet"}</option>
              {apps.data?.map((a) => (
                <option key={a.slug} value={a.slug}>
                  {a.name} (v{a.version}){a.workflowId === workflowId ? " · this workflow" : ""}
                </option>
              ))}
            </select>
            {existing && targetApp.isFetching && <Spinner size={12} label="Loading the App" />}
          </fieldset>

          <div className="grid grid-cols-2 gap-3">
            <div className="space-y-1">
              <label htmlFor={`${formId}-name`} className="block text-[12px] font-medium text-muted">
                Name
              </label>
              <input
                id={`${formId}-name`}
                data-testid="publish-name"
                aria-invalid={!!errors.name}
                className={`${APP_INPUT_CLASS} w-full h-8`}
                {...nameField}
              />
              {errors.name && <p className="text-[11.5px] text-bad">{errors.name.message}</p>}
            </div>
            <div className="space-y-1">
              <label htmlFor={`${formId}-slug`} className="block text-[12px] font-medium text-muted">
                Address
              </label>
              <div
                className={`flex h-8 items-center rounded-md border bg-canvas text-[13px] ${errors.slug ? "border-bad" : "border-line-strong focus-within:border-accent"}`}
              >
                <span className="pl-2.5 text-faint select-none">/apps/</span>
                <input
                  id={`${formId}-slug`}
                  data-testid="publish-slug"
                  readOnly={existing}
                  aria-invalid={!!errors.slug}
                  aria-describedby={`${formId}-slug-desc`}
                  className="h-full min-w-0 flex-1 bg-transparent pr-2.5 outline-none read-only:text-muted"
                  {...form.register("slug", { onChange: () => (slugEdited.current = true) })}
                />
              </div>
              <p
                id={`${formId}-slug-desc`}
                className={`text-[11.5px] ${errors.slug ? "text-bad" : "text-faint"}`}
                data-testid="publish-slug-message"
              >
                {errors.slug?.message ??
                  (existing ? "An App keeps its address across versions." : "Lower-case letters, digits and hyphens.")}
              </p>
            </div>
            <div className="col-span-2 space-y-1">
              <label htmlFor={`${formId}-description`} className="block text-[12px] font-medium text-muted">
                Description <span className="font-normal text-faint">(optional)</span>
              </label>
              <textarea
                id={`${formId}-description`}
                data-testid="publish-description"
                rows={2}
                placeholder="What it makes, in a sentence: “Turns a product photo into a 9:16 story, upscaled.”"
                className={`${APP_INPUT_CLASS} w-full resize-y py-1.5`}
                {...form.register("description")}
              />
              {errors.description && <p className="text-[11.5px] text-bad">{errors.description.message}</p>}
            </div>
          </div>
        </section>

        <section ref={inputsSection} className="space-y-2 px-5 py-4" aria-labelledby={`${formId}-inputs`}>
          <div>
            <h3 id={`${formId}-inputs`} className="text-[12.5px] font-medium">
              Form inputs
            </h3>
            <p className="text-[11.5px] text-faint">Tick what teammates fill in. Everything else stays as set in the workflow.</p>
          </div>
          {candidates.length === 0 ? (
            <p
              className="rounded-lg border border-dashed border-line-strong px-3 py-4 text-center text-[12.5px] text-muted"
              data-testid="publish-no-candidates"
            >
              Nothing in this workflow can be exposed yet. Add a Prompt, an Image input, or an Expand, Upscale or Generation node.
            </p>
          ) : (
            <ul className="space-y-2" data-testid="publish-inputs">
              {candidates.map((candidate: ExposableInput, index) => (
                <PublishInputRow key={`${candidate.nodeId}:${candidate.field}`} candidate={candidate} index={index} />
              ))}
            </ul>
          )}
          {errors.inputs?.root?.message || errors.inputs?.message ? (
            <p role="alert" className="text-[12px] text-bad" data-testid="publish-inputs-error">
              {errors.inputs?.root?.message ?? errors.inputs?.message}
            </p>
          ) : null}
        </section>

        <section className="space-y-2 px-5 py-4" aria-labelledby={`${formId}-outputs`}>
          <h3 id={`${formId}-outputs`} className="text-[12.5px] font-medium">
            Outputs
          </h3>
          {outputs.length === 0 ? (
            <p className="flex items-center gap-2 text-[12.5px] text-warn" data-testid="publish-no-outputs">
              <AlertIcon size={14} /> No Output node: add one to mark what the App returns.
            </p>
          ) : (
            <ul className="flex flex-wrap gap-2" data-testid="publish-outputs">
              {outputs.map((o) => (
                <li key={o.nodeId} className="flex items-center gap-1.5 rounded-md border border-line bg-panel-2 px-2.5 py-1 text-[12.5px]">
                  <FlagIcon size={13} className="text-port-image" />
                  {o.label}
                  <span className="font-mono text-[10.5px] text-faint">{o.nodeId}</span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="px-5 py-4">
          <PublishCoverPicker workflowId={workflowId} currentCoverUrl={existing ? (targetApp.data?.coverUrl ?? null) : undefined} />
        </section>

        {nextVersion && !publish.error && (
          <p className="px-5 py-2.5 text-[12px] text-muted" data-testid="publish-version-note">
            Publishes version {nextVersion} of {targetApp.data?.name}; teammates get it at once. Earlier versions stay available for
            rollback.
          </p>
        )}
      </form>
    </FormProvider>
  );
}

function PublishedPanel({ result }: { result: PublishAppResponse }) {
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => link.current?.focus(), []);
  return (
    <div className="flex flex-col items-center gap-3 px-6 py-10 text-center" data-testid="publish-success" role="status">
      <span className="grid h-11 w-11 place-items-center rounded-full bg-ok/15 text-ok">
        <CheckIcon size={20} />
      </span>
      <div>
        <p className="text-[15px] font-semibold">{result.app.name} is live</p>
        <p className="mt-1 text-[12.5px] text-muted">Version {result.version.version} · teammates find it on the Apps home.</p>
      </div>
      <Link
        ref={link}
        href={`/apps/${encodeURIComponent(result.app.slug)}`}
        data-testid="publish-open-app"
        className="inline-flex h-8 items-center gap-2 rounded-md bg-accent-strong px-3 text-[13px] font-medium text-white hover:bg-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
      >
        Open /apps/{result.app.slug}
      </Link>
    </div>
  );
}
