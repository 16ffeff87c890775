/**
 * plan_generation: turns a plain-language description into a multi-step plan
 * (shared/reference/intelligence-resolver-recommend-plan.txt, "plan_generation").
 *
 * 1. Match the description against the nine templates' trigger phrases, tolerant of wording
 *    (./text.ts). Each matched phrase adds its word count × match quality; the highest total
 *    wins, ties go to the documented template order.
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
import { requireDescription } from "./errors";
import { defaultPick, type PickFn, type PickedModel } from "./pick";
import { PLAN_TEMPLATES, type PlanCapability, type PlanTemplate, type PlanTool, type StepInputs, type TemplateId } from "./templates";
import { matchPhrase, normalizeText, preparePhrase, tokenize, type PhraseMatch, type PreparedPhrase } from "./text";

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
  /** The trigger phrases (as written in the reference) that matched, best first. */
  matchedPhrases: string[];
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
  matches: PhraseMatch[];
}

const PREPARED: ReadonlyArray<{ template: PlanTemplate; phrases: PreparedPhrase[] }> = PLAN_TEMPLATES.map((template) => ({
  template,
  phrases: template.triggers.map(preparePhrase),
}));

/**
 * Scores every template against a description, best first (ties in documented order).
 * Templates with no matched phrase are left out.
 */
export function matchTemplates(description: string): TemplateMatch[] {
  const tokens = tokenize(description);
  const results: TemplateMatch[] = [];
  for (const { template, phrases } of PREPARED) {
    const matches: PhraseMatch[] = [];
    for (const phrase of phrases) {
      const m = matchPhrase(tokens, phrase);
      if (m) matches.push(m);
    }
    if (matches.length === 0) continue;
    matches.sort((a, b) => b.score - a.score);
    const score = Math.round(matches.reduce((sum, m) => sum + m.score, 0) * 1000) / 1000;
    results.push({ template: template.id, score, matches });
  }
  // Array.prototype.sort is stable: equal scores keep the documented order.
  return results.sort((a, b) => b.score - a.score);
}

const DECLINE_PREFIX = String.raw`\b(?:no|without|skip|skipping|minus|exclude|excluding|not|dont|don t|do not)\s+(?:\w+\s+){0,2}`;

/** True when the description declines what `mention` names ("no music", "without a voiceover"). */
function declines(normalized: string, mention: RegExp): boolean {
  return new RegExp(DECLINE_PREFIX + mention.source.replace(/^\\b/, "")).test(normalized);
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
  const attempts: Array<{ prompt?: string; requiredInputs?: string[] }> = [{ prompt, requiredInputs: required }, { requiredInputs: required }];
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
    return { model: null, note: `Model pick for ${capability} failed (${error instanceof Error ? error.message : String(error)}): left on Auto.` };
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

function templatePlan(template: PlanTemplate, match: TemplateMatch, description: string, pick: PickFn): GenerationPlan {
  const normalized = normalizeText(description);
  const notes: string[] = [];
  const dropped: DroppedStep[] = [];
  const drafts: DraftStep[] = [];
  for (const step of template.steps) {
    const rule = step.include;
    if (step.optional && rule) {
      const declined = declines(normalized, rule.mention);
      const mentioned = rule.mention.test(normalized);
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
    matchedPhrases: match.matches.map((m) => m.phrase),
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
    steps,
    droppedSteps: [],
    rules: composition.rules,
    notes,
  };
}

/**
 * plan_generation (reference section "plan_generation"; see the module comment).
 *
 * @param input `{ description }`: what to make, in plain language ("product video with voiceover").
 * @param options `pick` (model per step; default: the shared resolver), `composer` (optional
 *   LLM hook for unmatched descriptions; unused by default).
 * @returns `{ plan }` with `template` (a template id, or null when `composed`), `title`,
 *   `matchedPhrases`, ordered `steps` ({ key, tool, title, capability, optional, modelId,
 *   modelName, … }), `droppedSteps` with reasons, `rules` and `notes`.
 * @throws InvalidDescriptionError when the description is missing, empty/whitespace or longer
 *   than 4000 characters (the API answers 400).
 */
export function planGeneration(input: { description: string }, options: PlanGenerationOptions = {}): PlanGenerationResult {
  const description = requireDescription(input?.description);
  const pick = options.pick ?? defaultPick;
  const [best] = matchTemplates(description);
  if (best) {
    const template = PLAN_TEMPLATES.find((t) => t.id === best.template);
    if (template) return { plan: templatePlan(template, best, description, pick) };
  }
  if (options.composer) {
    const plan = options.composer(description, PLAN_TEMPLATES);
    if (plan) return { plan: { ...plan, description, template: null, composed: true } };
  }
  return { plan: composedPlan(description, pick) };
}
