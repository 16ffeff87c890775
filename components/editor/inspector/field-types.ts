import type { AnyNodeDefinition, FieldSpec } from "@/lib/nodes";

/** What every inspector field control receives. */
export interface FieldProps<F extends FieldSpec = FieldSpec> {
  field: F;
  nodeId: string;
  definition: AnyNodeDefinition;
  /** The node's whole parameter object. */
  data: Record<string, unknown>;
  value: unknown;
  /** id for the control the label points at. */
  inputId: string;
  /** id of the help/error text, for aria-describedby. */
  describedBy: string;
  invalid: boolean;
  /**
   * Checks `value` with the definition's paramsSchema and stores it when valid.
   * Returns the error shown under the field, or null.
   */
  commit(value: unknown): string | null;
  /** Shows (or clears) an error for a draft the control has not stored. */
  setDraftError(message: string | null): void;
}

export type FieldOf<K extends FieldSpec["kind"]> = FieldSpec & { kind: K };

export const INPUT_CLASS =
  "w-full rounded-md border border-line-strong bg-canvas px-2.5 text-[13px] text-fg placeholder:text-faint outline-none transition-colors hover:border-[#454a55] focus:border-accent aria-[invalid=true]:border-bad disabled:opacity-50";
