import { Fragment } from "react";
import { metricParts } from "@/lib/client/model-metrics";
import type { ModelMetrics } from "@/lib/client/types";

/**
 * A model's catalog figures, "ELO 1512 · 40 s est. · 11 CU": each estimate says "est." and
 * carries the tooltip "estimate"; unknown figures read "—".
 */
export function MetricsLine({ metrics, className = "" }: { metrics: ModelMetrics; className?: string }) {
  return (
    <span className={`tabular-nums ${className}`} data-testid="model-metrics">
      {metricParts(metrics).map((part, i) => (
        <Fragment key={part.key}>
          {i > 0 && <span aria-hidden="true"> · </span>}
          <span
            title={part.estimated ? `${part.name}: estimate` : part.known ? part.name : `${part.name}: no figure in the catalog`}
            className={part.known ? undefined : "text-faint"}
          >
            {part.text}
            {part.estimated && <span className="text-faint italic"> est.</span>}
          </span>
        </Fragment>
      ))}
    </span>
  );
}
