/**
 * plan_generation with the optional LLM step (lib/intelligence/understand/classifier.ts): when
 * the rules find a close call between two templates and a classifier is configured, the
 * classifier may settle it by naming one id of the nine templates; a valid answer other than the
 * rules' pick re-drafts with that template (the rules' pick is then the alternative), and the
 * plan's notes say which model decided. No classifier, an invalid answer, an error or a timeout
 * leave the rules' plan unchanged. A template the user asked for is never second-guessed.
 * Server-only (the classifier talks to Scenario).
 */
import { planGeneration, PLAN_TEMPLATES, type GenerationPlan, type TemplateId } from "@/lib/intelligence";
import { settleCloseCall, type IntentClassifier } from "@/lib/intelligence/understand/classifier";

const TEMPLATE_OPTIONS = PLAN_TEMPLATES.map((t) => ({ id: t.id, label: t.title, summary: t.summary }));

/**
 * @param input `{ description, template? }` as for `planGeneration`.
 * @param classifier the configured classifier, or null (offline / not configured).
 * @throws InvalidDescriptionError as `planGeneration`.
 */
export async function planWithClassifier(
  input: { description: string; template?: TemplateId },
  classifier: IntentClassifier | null,
  options: { timeoutMs?: number } = {},
): Promise<GenerationPlan> {
  const { plan } = planGeneration(input);
  if (input.template || !classifier || !plan.template || !plan.alternative) return plan;
  const settled = await settleCloseCall(
    { kind: "template", text: plan.description, options: TEMPLATE_OPTIONS, candidates: [plan.template, plan.alternative.template] },
    classifier,
    options,
  );
  if (settled.source !== "llm") return plan;
  if (settled.id === plan.template) {
    return { ...plan, notes: [...plan.notes, `${classifier.name} confirmed "${plan.title}" for this close call.`] };
  }
  const redrafted = planGeneration({ description: input.description, template: settled.id as TemplateId }).plan;
  return {
    ...redrafted,
    notes: [...redrafted.notes, `${classifier.name} settled the close call: "${redrafted.title}" rather than "${plan.title}".`],
  };
}
