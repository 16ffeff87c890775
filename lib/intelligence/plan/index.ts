/** plan_generation: public surface (see ./plan-generation.ts and ./plan-to-graph.ts). */
export {
  planGeneration,
  matchTemplates,
  matchTemplatesDetailed,
  type GenerationPlan,
  type PlanStep,
  type DroppedStep,
  type PlanGenerationOptions,
  type PlanGenerationResult,
  type PlanComposer,
  type TemplateMatch,
  type TemplateMatching,
} from "./plan-generation";
export { planToGraph, draftGraphFromPlan, nodeTypeForCapability, PLAN_GRAPH_LAYOUT, type DraftedGraph } from "./plan-to-graph";
export {
  PLAN_TEMPLATES,
  TEMPLATE_IDS,
  PLAN_CAPABILITIES,
  getTemplate,
  type PlanTemplate,
  type TemplateId,
  type TemplateStep,
  type TemplateRule,
  type PlanTool,
  type PlanCapability,
} from "./templates";
export { InvalidDescriptionError, MAX_DESCRIPTION_LENGTH } from "./errors";
export { defaultPick, type PickFn, type PickHints, type PickedModel } from "./pick";
