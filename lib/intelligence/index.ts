/**
 * Public API of the model intelligence layer (pure TypeScript: no Next.js, Prisma or React;
 * safe for the browser). Reference: shared/reference/intelligence-resolver-recommend-plan.txt.
 *
 * Modules inside lib/intelligence import from the files directly (e.g. "../resolver/resolve"),
 * not from this barrel, so the barrel never creates an import cycle.
 */

// Catalog
export { catalogCost, getCatalog, getCatalogOrigin, toCatalogInfo } from "./catalog";
export type { CatalogRefreshDto } from "./catalog";

// Resolver
export { resolveModels } from "./resolver/resolve";
export { explainPick } from "./resolver/explain";
export { UnknownCapabilityError } from "./resolver/errors";
// Platforms
// recommend
export { recommend } from "./recommend/recommend";
// ── plan_generation and recommend_training (lib/intelligence/plan, lib/intelligence/training) ──
export { InvalidDescriptionError } from "./plan/errors";
export { planGeneration } from "./plan/plan-generation";
export type { GenerationPlan } from "./plan/plan-generation";
export { planToGraph } from "./plan/plan-to-graph";
export { PLAN_TEMPLATES } from "./plan/templates";
export type { TemplateId } from "./plan/templates";
export { recommendTraining } from "./training/recommend-training";
