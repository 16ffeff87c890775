/**
 * What the offline engine charges: the model catalog's `p50CostCU` for the model and capability,
 * per output (the same figure the model picker shows, lib/intelligence/catalog `catalogCost`), so
 * an estimate and the run it previews agree. A model or variant without a catalog figure (a free
 * model id) falls back to the capability's nominal credits (capabilities.ts, NOMINAL_CREDITS).
 * Pure module.
 */
import { catalogCost } from "../../intelligence/catalog/helpers";
import { getCatalog } from "../../intelligence/catalog/get-catalog";
import type { Catalog } from "../../intelligence/catalog/schema";
import type { Body } from "./body-fields";
import type { LocalCapability } from "./capabilities";

/**
 * Credits (CU) the local engine charges for one request.
 * The output count is the capability's own: its nominal price for `body` over its price for one
 * output (txt2img/img2img scale with `numOutputs`; the others make one asset).
 * @throws ProviderError 400 from the capability for an invalid `numOutputs`.
 */
export function localCredits(
  capabilityName: string,
  capability: LocalCapability,
  modelId: string,
  body: Body,
  catalog: Catalog = getCatalog(),
): number {
  const nominal = capability.credits(body);
  const cost = catalogCost(catalog, modelId, capabilityName);
  if (!cost) return nominal;
  const perOneNominal = capability.credits({ ...body, numOutputs: 1 });
  const outputs = perOneNominal > 0 ? Math.round(nominal / perOneNominal) : 1;
  return cost.creditsPerOutput * outputs;
}
