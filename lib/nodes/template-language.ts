/**
 * The two languages of the Text template node, both turning named texts into one text:
 * - `simple`: `{name}` placeholders (`A portrait of {subject} in the style of {style}`); any other
 *   brace is kept as typed;
 * - `cel`: a Common Expression Language expression, evaluated by @marcbachmann/cel-js (Scenario's
 *   `transformText` nodes are CEL: /work/shared/reference/scenario-workflow-format.md), e.g.
 *   `'A portrait of ' + subject + (size(style) > 0 ? ' in ' + style : '')`.
 * Errors are sentences for the designer (TemplateError), with the character position of a CEL
 * mistake. Pure module.
 */
import { Environment } from "@marcbachmann/cel-js";

export const TEMPLATE_MODES = ["simple", "cel"] as const;
export type TemplateMode = (typeof TEMPLATE_MODES)[number];

/** A template the studio cannot compose, in a designer's words. */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TemplateError";
  }
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The names a simple template's `{name}` placeholders use, in order of first use. */
export function placeholderNames(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/**
 * Where a cel-js error points: the caret under its code frame (">    1 | 'A ' + ⏎ ^"), as a
 * 1-based character position in the expression, or null when the message has no frame.
 */
function errorPosition(message: string): number | null {
  const lines = message.split("\n");
  const caret = lines.findIndex((line) => /^\s*\^\s*$/.test(line));
  if (caret < 1) return null;
  const frame = lines[caret - 1];
  const bar = frame.indexOf("| ");
  if (bar < 0) return null;
  return lines[caret].indexOf("^") - (bar + 2) + 1;
}

const firstLine = (message: string) => message.split("\n")[0].trim();

/**
 * Context for a template: the texts by variable name, and the names a template may use that
 * have no text (an input with nothing connected), to say so instead of "unknown".
 */
export interface TemplateVariables {
  values: Readonly<Record<string, string>>;
  /** Names of inputs with nothing connected. */
  unconnected?: ReadonlySet<string>;
}

function missingVariable(name: string, vars: TemplateVariables, mode: TemplateMode): TemplateError {
  const shown = mode === "simple" ? `{${name}}` : `“${name}”`;
  if (vars.unconnected?.has(name)) return new TemplateError(`The template uses ${shown}, but nothing is connected to the input ${name}`);
  const known = Object.keys(vars.values);
  return new TemplateError(
    `The template uses ${shown}, but no input is named ${name}` +
      (known.length ? ` (connected inputs: ${known.join(", ")})` : ": connect a text to one of its inputs"),
  );
}

/** A CEL expression's environment: every variable declared a string. */
function celEnvironment(names: Iterable<string>): Environment {
  const env = new Environment();
  for (const name of names) env.registerVariable(name, "string");
  return env;
}

/**
 * Checks a template before any text exists (`vars.values` holds the connected names, any text):
 * a CEL syntax mistake (with its position), and variables with no connected input.
 * @returns the problems as sentences, [] when fine.
 */
export function checkTemplate(template: string, mode: TemplateMode, vars: TemplateVariables): string[] {
  if (mode === "simple")
    return placeholderNames(template).flatMap((name) => (name in vars.values ? [] : [missingVariable(name, vars, mode).message]));
  try {
    const env = celEnvironment(Object.keys(vars.values));
    const result = env.check(template);
    if (result.valid) return [];
    return [describeCelError(result.error, vars).message];
  } catch (error) {
    return [describeCelError(error, vars).message];
  }
}

function describeCelError(error: unknown, vars: TemplateVariables): TemplateError {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown variable: ([A-Za-z_][A-Za-z0-9_]*)/.exec(firstLine(message));
  if (unknown) return missingVariable(unknown[1], vars, "cel");
  const position = errorPosition(message);
  const name = error instanceof Error ? error.name : "";
  if (name === "ParseError") {
    return new TemplateError(`The expression has a mistake${position ? ` at character ${position}` : ""}: ${firstLine(message)}`);
  }
  return new TemplateError(`The expression cannot be computed${position ? ` (at character ${position})` : ""}: ${firstLine(message)}`);
}

/**
 * Composes the text.
 * @returns the composed text (a CEL number or true/false becomes its text).
 * @throws TemplateError for a variable with no text, a CEL mistake (with its character position),
 *   or a CEL result that is a list or a map.
 */
export function renderTemplate(template: string, mode: TemplateMode, vars: TemplateVariables): string {
  if (mode === "simple") {
    return template.replace(PLACEHOLDER, (_, name: string) => {
      if (!(name in vars.values)) throw missingVariable(name, vars, mode);
      return vars.values[name];
    });
  }
  let result: unknown;
  try {
    const env = celEnvironment(Object.keys(vars.values));
    const checked = env.check(template);
    if (!checked.valid) throw checked.error;
    result = env.evaluate(template, { ...vars.values });
  } catch (error) {
    throw describeCelError(error, vars);
  }
  if (typeof result === "string") return result;
  if (typeof result === "bigint" || typeof result === "number" || typeof result === "boolean") return String(result);
  throw new TemplateError("The expression gives a list or a map, not a text: join it into one text, e.g. with + ' '");
}
