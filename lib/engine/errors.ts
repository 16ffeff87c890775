/**
 * Errors the executor distinguishes (STYLE.md §8, after n8n's user / operational /
 * unexpected split): a NodeFailure is an expected, user-facing reason a node did not
 * produce its outputs; ProviderError (lib/providers/types.ts) is operational; anything else
 * is unexpected.
 */
import { ProviderError } from "../providers/types";

/** A node could not produce its outputs, for a reason shown on the node as is. */
export class NodeFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NodeFailure";
  }
}

/** The sentence shown on a failed node for any thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof NodeFailure || error instanceof ProviderError || error instanceof RangeError) return error.message;
  if (error instanceof Error) return error.name === "AbortError" ? "Canceled" : `Unexpected error: ${error.message}`;
  return `Unexpected error: ${String(error)}`;
}
