/**
 * The resolver pipeline (reference: intelligence-resolver-recommend-plan.txt, "How model picking
 * works"): filter → enrich → score and sort, plus the routing heuristics of
 * model-routing-image-models.txt. Every pick of recommend and plan_generation goes through here.
 * Pure module: the catalog is an argument (default: the bundled snapshot).
 */
import { getCatalog } from "../catalog/get-catalog";
import type { Catalog } from "../catalog/schema";
import { indexCatalog } from "./catalog-index";
import { enrichCandidates } from "./enrich";
import { filterModels } from "./filter";
import { inferCues } from "./intent";
import { buildRanked } from "./reasons";
import { applyContinuity, continuityTarget, decideWeights } from "./routing";
import { dropOffTopic, intentOf, scoreCandidates, sortScored } from "./score";
import type { RankedModel, ResolveRequest, ResolveResult } from "./types";

/**
 * Ranks the catalog's models for one request.
 *
 * Stages: (1) filter on `capability` and `constraints` (./filter.ts); (2) enrich with the
 * capability's figures, tags and insights (./enrich.ts); (3) infer intent from `prompt`, drop
 * off-topic candidates, score in [0, 1], sort with nulls last and the recency tiebreak, keep
 * deprecated models behind their successors (./score.ts); routing biases and the continuity pin
 * per ./routing.ts (explicit `priority` wins over the biases; deprecation always wins).
 *
 * @param request `{ capability, prompt?, priority? = "quality", constraints?, routing? }`;
 *   caps in CU and seconds, `durationSec` in seconds.
 * @returns `{ capability, priority (effective), weights, intent, ranked (best first), excluded
 *   (every model that did not qualify, with every reason), notes, pinnedModelId }`.
 *   With no prompt and priority "quality", `ranked[0]` is the reference's "Top picks today" row.
 * @throws UnknownCapabilityError when no catalog model has `capability` (the API answers 400).
 */
export function resolveModels(request: ResolveRequest, catalog: Catalog = getCatalog()): ResolveResult {
  const index = indexCatalog(catalog);
  const { candidates, excluded, lacking } = filterModels(index, request.capability, request.constraints);
  const enriched = enrichCandidates(candidates);
  const cues = inferCues(index.vocabulary, request.prompt);
  const decision = decideWeights(request);
  const { kept, dropped } = dropOffTopic(enriched, cues, continuityTarget(request));
  const sorted = sortScored(scoreCandidates(kept, cues, decision.weights), decision.priority);
  const allExcluded = [...excluded, ...dropped, ...lacking];
  const continuity = applyContinuity(sorted, request, index, allExcluded);
  const ranked = buildRanked(continuity.ranked, {
    capability: request.capability,
    priority: decision.priority,
    weights: decision.weights,
    pinnedId: continuity.pinnedId,
    successorId: continuity.successorId,
  });
  return {
    capability: request.capability,
    priority: decision.priority,
    weights: decision.weights,
    intent: intentOf(index, cues),
    ranked,
    excluded: allExcluded,
    notes: [...decision.notes, ...continuity.notes],
    pinnedModelId: continuity.pinnedId,
  };
}

/** Options of `pickModel`: the request without its capability, plus an optional catalog. */
export type PickOptions = Omit<ResolveRequest, "capability"> & { catalog?: Catalog };

/**
 * The resolver's top pick for `capability` (what a node on "Auto" runs), or null when no model
 * qualifies. Same options and errors as `resolveModels`.
 * @example pickModel("txt2img")?.modelId // "model_openai-gpt-image-2"
 */
export function pickModel(capability: string, options: PickOptions = {}): RankedModel | null {
  const { catalog, ...rest } = options;
  return resolveModels({ ...rest, capability }, catalog)?.ranked[0] ?? null;
}
