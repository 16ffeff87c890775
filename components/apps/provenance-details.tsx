"use client";
import { errorMessage } from "@/lib/client/api-client";
import { totalCredits } from "@/lib/client/apps/provenance";
import { useProvenanceChain } from "@/lib/client/apps/use-provenance-chain";
import { absoluteTime, credits } from "@/lib/client/format";
import { Skeleton } from "../ui/skeleton";

/** How one output was made: each step's model, prompt, parameters, seed and credits, last step first. */
export function ProvenanceDetails({ assetId, id }: { assetId: string; id?: string }) {
  const chain = useProvenanceChain(assetId);
  if (chain.isPending) {
    return (
      <div id={id} className="space-y-1.5 p-3" aria-busy="true" aria-label="Loading details">
        <Skeleton className="h-3 w-2/3" />
        <Skeleton className="h-3 w-1/2" />
        <Skeleton className="h-3 w-3/5" />
      </div>
    );
  }
  if (chain.isError) {
    return (
      <p id={id} role="alert" className="p-3 text-[12px] text-bad">
        Details unavailable: {errorMessage(chain.error)}
      </p>
    );
  }
  const steps = chain.data;
  const [last] = steps;
  const total = totalCredits(steps);
  return (
    <div id={id} data-testid="app-provenance" className="space-y-2.5 p-3 text-[12px]">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        <dt className="text-faint">Made</dt>
        <dd className="text-muted" data-testid="app-provenance-time">
          {last?.createdAt ? absoluteTime(last.createdAt) : "—"}
        </dd>
        <dt className="text-faint">Credits</dt>
        <dd className="text-muted tabular-nums" data-testid="app-provenance-credits">
          {credits(total)}
        </dd>
        <dt className="text-faint">Size</dt>
        <dd className="text-muted tabular-nums">{last ? `${last.width} × ${last.height} px` : "—"}</dd>
      </dl>
      <ol className="space-y-2" aria-label="Steps, last first">
        {steps.map((step) => (
          <li key={step.assetId} className="rounded-md border border-line bg-panel px-2.5 py-2" data-testid="app-provenance-step">
            <p className="flex items-baseline gap-2">
              <span className="font-medium text-fg">{step.title}</span>
              {step.model && (
                <span className="min-w-0 truncate font-mono text-[11px] text-muted" title={step.model} data-testid="app-provenance-model">
                  {step.model}
                </span>
              )}
              <span className="ml-auto shrink-0 text-faint tabular-nums">
                {step.credits !== null ? credits(step.credits) : `${step.width} × ${step.height}`}
              </span>
            </p>
            {step.prompt && <p className="mt-1 line-clamp-3 text-muted">“{step.prompt}”</p>}
            {(step.summary || step.parameters.length > 0 || step.seed !== null) && (
              <p
                className="mt-1 text-faint"
                title={step.parameters.map(([k, v]) => `${k}: ${v}`).join(" · ")}
                data-testid="app-provenance-parameters"
              >
                {[
                  step.summary ?? step.parameters.map(([k, v]) => `${k}: ${v}`).join(" · "),
                  step.seed !== null ? `Seed ${step.seed}` : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
