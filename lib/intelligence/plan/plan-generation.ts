/**
 * plan_generation: turns a plain-language description into a multi-step plan
 * (shared/reference/intelligence-resolver-recommend-plan.txt, "plan_generation").
 *
 * 1. Match the description against the nine templates with the shared text understanding
 *    (lib/intelligence/understand): the description's concepts are scored against each
 *    template's weighted concepts (lib/intelligence/data/understand/template-profiles.json);
 *    the highest score at or above the minimum wins, ties go to the documented template order.
 *    When the runner-up is within the margin, the plan says so and names it as `alternative`;
 *    `input.template` asks for a given template instead (the "use this instead" of the draft
 *    dialog).
 * 2. A matched template gives the steps; optional steps follow the template's semantics
 *    (product_video: voiceover / music only when mentioned; game_asset_3d: upscale unless
 *    declined; logo_to_vector: vectorize unless declined), and every dropped step is listed
 *    with its reason.
 * 3. No template matched: a plan is composed from the templates' steps by the capabilities the
 *    description names (./compose.ts), with the rules of the templates those steps came from.
 * 4. Every step with a capability gets its model from `pick` (the shared resolver by default).
 *
 * Deterministic, no LLM. `PlanGenerationOptions.composer` is the documented hook for an
 * optional LLM composition of unmatched descriptions; nothing sets it by default.
 * Pure module.
 */
import { getNodeDefinition } from "../../nodes";
import { nodeTypeForCapability } from "./plan-to-graph";
import { CAPABILITY_INFO } from "./capabilities";
import { composeSteps, type ComposedStep } from "./compose";
import { InvalidDescriptionError, requireDescription } from "./errors";
import { defaultPick, type PickFn, type PickedModel } from "./pick";
import { PLAN_TEMPLATES, type PlanCapability, type PlanTemplate, type PlanTool, type StepInputs, type TemplateId } from "./templates";
import { understandTemplate, type Understanding } from "../understand/understand";

/** One step of a plan, with the model it resolves to. */
export interface PlanStep {
  /** Unique within the plan ("hero", "clip1"; the capability in a composed plan). */
  key: string;
  tool: PlanTool;
  title: string;
  /** Null for bookkeeping steps the studio does not run (manage_assets). */
  capability: PlanCapability | null;
  optional: boolean;
  /** Resolved model id; null when the capability is null or no model qualifies. */
  modelId: string | null;
  modelName: string | null;
  /** Which earlier steps (by key) feed this one, when it is not simply "the latest image". */
  inputs?: StepInputs;
  /** Input features the model had to accept. */
  requiredInputs?: string[];
  /** Composed plans: the template the step was taken from (null for a studio-only step). */
  sourceTemplate?: TemplateId | null;
}

/** An optional step left out of the plan. */
export interface DroppedStep {
  key: string;
  title: string;
  capability: PlanCapability | null;
  reason: string;
}

export interface GenerationPlan {
  /** The description the plan was made from (trimmed); planToGraph uses it as the prompt. */
  description: string;
  /** The matched template's id, or null for a composed plan. */
  template: TemplateId | null;
  composed: boolean;
  title: string;
  summary: string;
  /** The words of the description that counted for the template ("launch", "video"), in order. */
  matchedPhrases: string[];
  /**
   * A second template whose score is within the margin of the chosen one: the call is close and
   * the studio offers both. Null when the choice is clear (or the plan is composed).
   */
  alternative: { template: TemplateId; title: string; score: number } | null;
  steps: PlanStep[];
  droppedSteps: DroppedStep[];
  /** Editorial rules of the template (or of the templates a composed plan drew on). */
  rules: string[];
  /** Why optional steps were kept or dropped, what was added, what could not be resolved. */
  notes: string[];
}

export interface PlanGenerationResult {
  plan: GenerationPlan;
}

/**
 * Optional hook for an LLM-composed plan when no template matches; receives the description
 * and the templates as worked examples, returns a plan (or null to fall back to deterministic
 * composition). Not set anywhere by default: plan_generation is deterministic.
 */
export type PlanComposer = (description: string, templates: readonly PlanTemplate[]) => GenerationPlan | null;

export interface PlanGenerationOptions {
  /** Model picker per step; defaults to the shared resolver. */
  pick?: PickFn;
  /** See `PlanComposer`; unused unless given. */
  composer?: PlanComposer;
}

/** A template's match against a description. */
export interface TemplateMatch {
  template: TemplateId;
  score: number;
  /** The concepts that counted ("+launch", "-video", "not music"). */
  evidence: string[];
  /** The description's words behind the positive evidence, in order. */
  phrases: string[];
}

/** Everything plan_generation learnt from matching: ranked templates, closeness, concepts. */
export interface TemplateMatching {
  /** Templates at or above the minimum score, best first (ties in documented order). */
  ranked: TemplateMatch[];
  /** True when the runner-up is within the margin of the best. */
  close: boolean;
  understanding: Understanding;
}

function phrasesFor(understanding: Understanding, evidence: readonly string[]): string[] {
  const positive = new Set(evidence.filter((e) => e.startsWith("+")).map((e) => e.slice(1)));
  return understanding.hits.filter((h) => !h.negated && h.phrase !== "rule" && positive.has(h.concept)).map((h) => h.phrase);
}

/** Scores the templates against a description (module comment, step 1). */
export function matchTemplatesDetailed(description: string): TemplateMatching {
  const decision = understandTemplate(description);
  const ranked = decision.ranked.map((c) => ({
    template: c.id as TemplateId,
    score: c.score,
    evidence: c.evidence,
    phrases: phrasesFor(decision.understanding, c.evidence),
  }));
  return { ranked, close: decision.close, understanding: decision.understanding };
}

/**
 * Scores every template against a description, best first (ties in documented order).
 * Templates below the minimum score are left out; [] means "no template matched".
 */
export function matchTemplates(description: string): TemplateMatch[] {
  return matchTemplatesDetailed(description).ranked;
}

interface Resolution {
  model: PickedModel | null;
  note?: string;
}

/**
 * Picks a model for one step. When nothing qualifies, retries without the prompt (its intent
 * filter may have dropped every candidate as off-topic), then without the required inputs
 * (said in a note: the constraint could not be met).
 */
function resolveModel(pick: PickFn, capability: PlanCapability, prompt: string, requiredInputs: string[] | undefined): Resolution {
  // The studio node a step becomes sends a body only some models understand (Upscale sends a
  // preset): ask for those inputs too, so the drafted node's model can run that body.
  const nodeInputs = getNodeDefinition(nodeTypeForCapability(capability))?.modelInputs ?? [];
  const merged = [...new Set([...(requiredInputs ?? []), ...nodeInputs])];
  const required = merged.length ? merged : undefined;
  const attempts: Array<{ prompt?: string; requiredInputs?: string[] }> = [
    { prompt, requiredInputs: required },
    { requiredInputs: required },
  ];
  if (required) attempts.push({ prompt }, {});
  try {
    for (const hints of attempts) {
      const model = pick(capability, hints);
      if (!model) continue;
      if (required && !hints.requiredInputs) {
        return { model, note: `No ${capability} model accepts ${required.join(" + ")}: picked ${model.name} without that constraint.` };
      }
      return { model };
    }
    return { model: null, note: `No model in the catalog can do ${capability}: the step's model is left on Auto.` };
  } catch (error) {
    return {
      model: null,
      note: `Model pick for ${capability} failed (${error instanceof Error ? error.message : String(error)}): left on Auto.`,
    };
  }
}

interface DraftStep {
  key: string;
  tool: PlanTool;
  title: string;
  capability: PlanCapability | null;
  optional: boolean;
  requiredInputs?: string[];
  sameModelAs?: string;
  inputs?: StepInputs;
  promptHint?: string;
  sourceTemplate?: TemplateId | null;
}

/** Resolves a model for every step (continuity steps reuse the model of the step they name). */
function resolveSteps(drafts: readonly DraftStep[], description: string, pick: PickFn, notes: string[]): PlanStep[] {
  const steps: PlanStep[] = [];
  for (const draft of drafts) {
    let model: PickedModel | null = null;
    if (draft.capability) {
      const same = draft.sameModelAs ? steps.find((s) => s.key === draft.sameModelAs) : undefined;
      if (same && same.modelId) {
        model = { modelId: same.modelId, name: same.modelName ?? same.modelId };
      } else {
        const prompt = draft.promptHint ? `${description} (${draft.promptHint})` : description;
        const resolution = resolveModel(pick, draft.capability, prompt, draft.requiredInputs);
        model = resolution.model;
        if (resolution.note) notes.push(`${draft.title}: ${resolution.note}`);
      }
    }
    const step: PlanStep = {
      key: draft.key,
      tool: draft.tool,
      title: draft.title,
      capability: draft.capability,
      optional: draft.optional,
      modelId: model?.modelId ?? null,
      modelName: model?.name ?? null,
    };
    if (draft.inputs) step.inputs = { ...draft.inputs };
    if (draft.requiredInputs?.length) step.requiredInputs = [...draft.requiredInputs];
    if (draft.sourceTemplate !== undefined) step.sourceTemplate = draft.sourceTemplate;
    steps.push(step);
  }
  return steps;
}

function templatePlan(
  template: PlanTemplate,
  match: TemplateMatch | undefined,
  understanding: Understanding,
  alternative: GenerationPlan["alternative"],
  description: string,
  pick: PickFn,
): GenerationPlan {
  const notes: string[] = [];
  if (alternative) notes.push(`Close call: this description also fits "${alternative.title}"; that plan is offered as an alternative.`);
  const dropped: DroppedStep[] = [];
  const drafts: DraftStep[] = [];
  for (const step of template.steps) {
    const rule = step.include;
    if (step.optional && rule) {
      const declined = understanding.negated.has(rule.concept);
      const mentioned = understanding.present.has(rule.concept);
      let reason: string | null = null;
      if (declined) reason = `the description asks for no ${rule.what}`;
      else if (rule.mode === "whenMentioned" && !mentioned) reason = `optional, and the description does not mention ${rule.what}`;
      if (reason) {
        dropped.push({ key: step.key, title: step.title, capability: step.capability, reason });
        notes.push(`Left out "${step.title}": ${reason}.`);
        continue;
      }
      notes.push(
        rule.mode === "whenMentioned"
          ? `Kept optional "${step.title}": the description mentions ${rule.what}.`
          : `Kept optional "${step.title}": ${rule.defaultReason ?? "included unless declined"}.`,
      );
    }
    drafts.push({
      key: step.key,
      tool: step.tool,
      title: step.title,
      capability: step.capability,
      optional: step.optional,
      requiredInputs: step.requiredInputs,
      sameModelAs: step.sameModelAs,
      inputs: step.inputs,
      promptHint: step.promptHint,
    });
  }
  const steps = resolveSteps(drafts, description, pick, notes);
  for (const step of steps) {
    if (step.capability === null) notes.push(`"${step.title}" is bookkeeping (${step.tool}), not a model call.`);
  }
  return {
    description,
    template: template.id,
    composed: false,
    title: template.title,
    summary: template.summary,
    matchedPhrases: match?.phrases ?? [],
    alternative,
    steps,
    droppedSteps: dropped,
    rules: template.rules.map((r) => r.text),
    notes,
  };
}

function composedPlan(description: string, pick: PickFn): GenerationPlan {
  const composition = composeSteps(description);
  const notes = [...composition.notes];
  const drafts: DraftStep[] = composition.steps.map((s: ComposedStep) => ({
    key: s.key,
    tool: s.tool,
    title: s.title,
    capability: s.capability,
    optional: false,
    requiredInputs: s.requiredInputs,
    sourceTemplate: s.sourceTemplate,
  }));
  const steps = resolveSteps(drafts, description, pick, notes);
  const labels: string[] = [];
  for (const step of steps) {
    const label = step.capability ? CAPABILITY_INFO[step.capability].label : step.title;
    if (labels[labels.length - 1] !== label) labels.push(label);
  }
  return {
    description,
    template: null,
    composed: true,
    title: `Custom plan: ${labels.join(" → ")}`,
    summary: composition.minimal
      ? "No template or capability matched: a single text-to-image step."
      : "Composed from the templates' steps for the capabilities the description names.",
    matchedPhrases: [],
    alternative: null,
    steps,
    droppedSteps: [],
    rules: composition.rules,
    notes,
  };
}

/**
 * plan_generation (reference section "plan_generation"; see the module comment).
 *
 * @param input `{ description, template? }`: what to make, in plain language ("product video with
 *   voiceover"); `template` (a template id) uses that template instead of the best match, e.g.
 *   when the user picks the offered alternative.
 * @param options `pick` (model per step; default: the shared resolver), `composer` (optional
 *   LLM hook for unmatched descriptions; unused by default).
 * @returns `{ plan }` with `template` (a template id, or null when `composed`), `title`,
 *   `matchedPhrases`, ordered `steps` ({ key, tool, title, capability, optional, modelId,
 *   modelName, … }), `droppedSteps` with reasons, `rules` and `notes`.
 * @throws InvalidDescriptionError when the description is missing, empty/whitespace or longer
 *   than 4000 characters (the API answers 400).
 */
export function planGeneration(
  input: { description: string; template?: TemplateId },
  options: PlanGenerationOptions = {},
): PlanGenerationResult {
  const description = requireDescription(input?.description);
  const pick = options.pick ?? defaultPick;
  const matching = matchTemplatesDetailed(description);
  const [best, second] = matching.ranked;
  const wanted = input.template ? PLAN_TEMPLATES.find((t) => t.id === input.template) : undefined;
  if (input.template && !wanted) throw new InvalidDescriptionError(`unknown template "${input.template}"`);
  const chosen = wanted ?? (best ? PLAN_TEMPLATES.find((t) => t.id === best.template) : undefined);
  if (chosen) {
    const match = matching.ranked.find((m) => m.template === chosen.id);
    // The other close candidate: the runner-up, or the best match when the user chose the runner-up.
    const other = wanted ? matching.ranked.find((m) => m.template !== chosen.id) : second;
    const offered = other && (wanted ? matching.close || !match : matching.close) ? other : undefined;
    const otherTemplate = offered && PLAN_TEMPLATES.find((t) => t.id === offered.template);
    const alternative = offered && otherTemplate ? { template: otherTemplate.id, title: otherTemplate.title, score: offered.score } : null;
    return { plan: templatePlan(chosen, match, matching.understanding, alternative, description, pick) };
  }
  if (options.composer) {
    const plan = options.composer(description, PLAN_TEMPLATES);
    if (plan) return { plan: { ...plan, description, template: null, composed: true } };
  }
  return { plan: composedPlan(description, pick) };
}
