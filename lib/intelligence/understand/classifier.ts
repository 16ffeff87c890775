/**
 * Optional LLM step for close calls: when text understanding finds two candidates within the
 * margin, an `IntentClassifier` (e.g. one of Scenario's LLM models, lib/intelligence-api/
 * llm-classifier.ts) may be asked to classify the request into the same closed set of ids.
 *
 * Guarantees: the step is never required (no classifier → the rules' choice stands), never
 * blocks for long (`timeoutMs`, default 4 s), and its answer counts only when it is exactly one
 * of the closed set's ids (after trimming quotes, punctuation and case); anything else — an
 * unknown id, "none", an error, a timeout — is ignored. Pure module: the classifier is injected.
 */

/** One option of the closed set the classifier must answer from. */
export interface ClassifierOption {
  id: string;
  label: string;
  /** One sentence about what the option is for. */
  summary?: string;
}

export interface ClassifyRequest {
  kind: "platform" | "template";
  /** The user's request, as written. */
  text: string;
  /** The closed set of ids: every platform or every template. */
  options: readonly ClassifierOption[];
  /** The two close candidates the rules found, best first. */
  candidates: readonly [string, string];
}

/** Something that can classify a request into one of the options; returns its raw answer. */
export interface IntentClassifier {
  /** Display name for notes ("Scenario LLM model_…"). */
  readonly name: string;
  classify(request: ClassifyRequest, signal: AbortSignal): Promise<string | null>;
}

export interface SettledCall {
  /** The id to use. */
  id: string;
  /** "llm" when the classifier's valid answer changed or confirmed the pick; "rules" otherwise. */
  source: "rules" | "llm";
  /** Why the classifier's answer was ignored, when it was. */
  ignored?: string;
}

/** The classifier's raw answer as an id of the closed set, or null. */
export function parseClassifierAnswer(answer: string | null | undefined, options: readonly ClassifierOption[]): string | null {
  if (!answer) return null;
  const cleaned = answer
    .trim()
    .replace(/^[\s"'`*]+|[\s"'`*.!]+$/g, "")
    .toLowerCase();
  return options.find((o) => o.id === cleaned)?.id ?? null;
}

/** The prompt an LLM classifier sends: the closed set, the request, and the answer format. */
export function classifierPrompt(request: ClassifyRequest): string {
  const lines = request.options.map((o) => `- ${o.id}: ${o.label}${o.summary ? ` — ${o.summary}` : ""}`);
  return [
    `Classify a design request into exactly one ${request.kind} id from this list:`,
    ...lines,
    `The two closest ids are ${request.candidates[0]} and ${request.candidates[1]}.`,
    `Request: ${JSON.stringify(request.text)}`,
    `Answer with the id only, nothing else. If none fits, answer none.`,
  ].join("\n");
}

/**
 * Settles a close call with the classifier when one is given (see the module comment).
 * @returns the id to use (the rules' best when the classifier is absent or its answer is ignored).
 */
export async function settleCloseCall(
  request: ClassifyRequest,
  classifier: IntentClassifier | null | undefined,
  options: { timeoutMs?: number } = {},
): Promise<SettledCall> {
  const fallback = request.candidates[0];
  if (!classifier) return { id: fallback, source: "rules" };
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? 4000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const answer = await Promise.race([
      classifier.classify(request, controller.signal),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    const id = parseClassifierAnswer(answer, request.options);
    if (!id) return { id: fallback, source: "rules", ignored: `answer ${JSON.stringify(answer)} is not one of the ids` };
    return { id, source: "llm" };
  } catch (error) {
    controller.abort();
    return { id: fallback, source: "rules", ignored: error instanceof Error ? error.message : String(error) };
  } finally {
    if (timer) clearTimeout(timer);
  }
}
