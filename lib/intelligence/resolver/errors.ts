/** Errors of the resolver. The API maps `UnknownCapabilityError` to 400. */

/** The request names a capability no model of the catalog has. `known` lists the valid slugs. */
export class UnknownCapabilityError extends Error {
  readonly capability: string;
  readonly known: readonly string[];

  constructor(capability: string, known: readonly string[]) {
    super(`Unknown capability "${capability}". Known capabilities: ${known.join(", ")}`);
    this.name = "UnknownCapabilityError";
    this.capability = capability;
    this.known = known;
  }
}
