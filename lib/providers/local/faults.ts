/**
 * Fault injection for tests of code that uses a provider: scripted submit errors (e.g. a 429
 * then success, to exercise retries) and jobs that end in "failed".
 */
import { ProviderError, type ModelRequest } from "../types";

export interface SubmitFault {
  /** HTTP status to emulate: 429 and 5xx are retryable, other 4xx are not. */
  status: number;
  message?: string;
  /** Emulated Retry-After, in milliseconds. */
  retryAfterMs?: number;
}

export interface FaultPlan {
  /** Consumed one per submit attempt (retries included), in order; when empty, submits succeed. */
  submit?: SubmitFault[];
  /** Returns a message to make the job end "failed" with it, or null to let it run. */
  jobFailure?: (request: ModelRequest) => string | null;
}

/** Hands out the planned faults; the plan's arrays are copied, not mutated. */
export class FaultInjector {
  private readonly submitFaults: SubmitFault[];

  constructor(private readonly plan: FaultPlan = {}) {
    this.submitFaults = [...(plan.submit ?? [])];
  }

  /** Planned submit faults not yet thrown. */
  get pendingSubmitFaults(): number {
    return this.submitFaults.length;
  }

  /** @throws the next planned submit fault as a ProviderError, if any is left. */
  throwNextSubmitFault(): void {
    const fault = this.submitFaults.shift();
    if (!fault) return;
    throw new ProviderError(fault.message ?? `Injected fault: HTTP ${fault.status}`, {
      status: fault.status,
      retryAfterMs: fault.retryAfterMs ?? null,
      code: "injected_fault",
    });
  }

  /** The planned failure message for a job, or null. */
  jobFailure(request: ModelRequest): string | null {
    return this.plan.jobFailure?.(request) ?? null;
  }
}
