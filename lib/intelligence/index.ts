/**
 * Public API of the model intelligence layer (pure TypeScript: no Next.js, Prisma or React;
 * safe for the browser). Reference: shared/reference/intelligence-resolver-recommend-plan.txt.
 *
 * Modules inside lib/intelligence import from the files directly (e.g. "../resolver/resolve"),
 * not from this barrel, so the barrel never creates an import cycle.
 */

// Catalog
export {
  catalogCost,
  CatalogError,
  catalogSchema,
  deprecatedSuccessor,
  ESTIMATE_LABEL,
  getBundledCatalog,
  getCatalog,
  getCatalogModel,
  getCatalogModelSchema,
  getCatalogOrigin,
  isEstimate,
  METRICS,
  metricSource,
  parseCatalog,
  tagsOf,
  toCatalogInfo,
} from "./catalog";
export type {
  Catalog,
  CatalogCost,
  CatalogInfoDto,
  CatalogModel,
  CatalogModelEntryDto,
  CatalogOrigin,
  CatalogRefreshDto,
  Metric,
  ModelInputs,
  PerformanceFigures,
  TrainingType,
} from "./catalog";

// Resolver
export { resolveModels, pickModel } from "./resolver/resolve";
export type { PickOptions } from "./resolver/resolve";
export { explainPick } from "./resolver/explain";
export { UnknownCapabilityError } from "./resolver/errors";
export { describeMetric, describeMetrics, formatFigure } from "./resolver/format";
export { PRIORITIES, resolveConstraintsSchema, resolveRequestSchema, routingHintsSchema } from "./resolver/types";
export type {
  ExcludedModel,
  Intent,
  MetricWeights,
  ModelMetrics,
  Priority,
  RankedModel,
  ResolveConstraints,
  ResolveRequest,
  ResolveResult,
  RoutingHints,
} from "./resolver/types";

// Platforms
export { getPlatformPreset, isPlatformId, PLATFORM_IDS, PLATFORM_OPTIONS, PLATFORM_PRESETS, platformSize } from "./platforms/presets";
export type { PlatformId, PlatformPreset } from "./platforms/presets";
export { detectPlatform, matchPlatform } from "./platforms/detect-platform";
export type { PlatformMatch } from "./platforms/detect-platform";

// recommend
export { DEFAULT_RECOMMEND_LIMIT, recommend, rewriteRecommendations } from "./recommend/recommend";
export type { PlatformWithSize, Recommendation, RecommendRequest, RecommendResponse, RewriteExplanations } from "./recommend/recommend";
export type { SuggestedParams } from "./recommend/suggested-params";

// ── plan_generation and recommend_training (lib/intelligence/plan, lib/intelligence/training) ──
export { InvalidDescriptionError, MAX_DESCRIPTION_LENGTH } from "./plan/errors";
export { planGeneration, matchTemplates, matchTemplatesDetailed } from "./plan/plan-generation";
export type {
  DroppedStep,
  GenerationPlan,
  PlanComposer,
  PlanGenerationOptions,
  PlanGenerationResult,
  PlanStep,
  TemplateMatch,
  TemplateMatching,
} from "./plan/plan-generation";
export { draftGraphFromPlan, nodeTypeForCapability, PLAN_GRAPH_LAYOUT, planToGraph } from "./plan/plan-to-graph";
export type { DraftedGraph } from "./plan/plan-to-graph";
export { getTemplate, PLAN_CAPABILITIES, PLAN_TEMPLATES, TEMPLATE_IDS } from "./plan/templates";
export type { PlanCapability, PlanTemplate, PlanTool, TemplateId, TemplateRule, TemplateStep } from "./plan/templates";
export { defaultPick } from "./plan/pick";
export type { PickedModel, PickFn, PickHints } from "./plan/pick";
export { familyLockInFor, familyModels, recommendTraining } from "./training/recommend-training";
export type { RecommendTrainingOptions, TrainingAlternative, TrainingPick, TrainingRecommendation } from "./training/recommend-training";
export { parseDurationSec, parseTrainingIntent } from "./training/intent";
export type {
  DatasetShape,
  TrainingIntent,
  TrainingModality,
  TrainingPriority,
  TrainingStyle,
  TrainingSubject,
  VoiceSample,
} from "./training/intent";
export { decideVoiceClone, INSTANT_VOICE_CLONING, PROFESSIONAL_MIN_SEC, PROFESSIONAL_VOICE_CLONE } from "./training/voice";
export type { VoiceCloneOption, VoiceDecision } from "./training/voice";
