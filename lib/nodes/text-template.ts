/**
 * Text template node: composes one text from up to five connected texts. Its inputs are `a` to
 * `e`; the "Input names" field names them in order (`subject, style` names `a` subject and `b`
 * style), and a template may use either name. Two modes (lib/nodes/template-language.ts):
 * `{name}` placeholders, or a CEL expression as in Scenario's `transformText` nodes
 * (/work/shared/reference/scenario-workflow-format.md). Pure module.
 */
import { z } from "zod";
import type { PortSpec } from "../graph/ports";
import { TEMPLATE_MODES, checkTemplate, renderTemplate, type TemplateVariables } from "./template-language";
import type { NodeDefinition, NodeIssue } from "./types";

/** The input ports, in order. */
export const TEMPLATE_PORTS = ["a", "b", "c", "d", "e"] as const;

// CEL's reserved words cannot name a variable.
const RESERVED = new Set([
  "true",
  "false",
  "null",
  "in",
  "as",
  "break",
  "const",
  "continue",
  "else",
  "for",
  "function",
  "if",
  "import",
  "let",
  "loop",
  "package",
  "namespace",
  "return",
  "var",
  "void",
  "while",
]);

/** "subject, style" → ["subject", "style"] (empty entries dropped). */
export function parseInputNames(names: string): string[] {
  return names
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
}

export const textTemplateParamsSchema = z.object({
  mode: z.enum(TEMPLATE_MODES).default("simple"),
  template: z.string().max(4000, "must be at most 4000 characters").default(""),
  /** Names of inputs a, b, c… in order, comma-separated. */
  names: z
    .string()
    .max(200, "must be at most 200 characters")
    .default("")
    .superRefine((value, ctx) => {
      const names = parseInputNames(value);
      if (names.length > TEMPLATE_PORTS.length) ctx.addIssue({ code: "custom", message: `names at most ${TEMPLATE_PORTS.length} inputs` });
      for (const name of names) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
          ctx.addIssue({ code: "custom", message: `“${name}” is not a name: use letters, digits and _` });
        else if (RESERVED.has(name)) ctx.addIssue({ code: "custom", message: `“${name}” is a reserved word: choose another name` });
      }
      if (new Set(names).size < names.length) ctx.addIssue({ code: "custom", message: "gives two inputs the same name" });
    }),
});
export type TextTemplateParams = z.infer<typeof textTemplateParamsSchema>;

/** The name each port goes by in templates: its own letter, and the given name when there is one. */
function portNames(params: TextTemplateParams): Array<{ port: string; names: string[] }> {
  const given = parseInputNames(params.names);
  return TEMPLATE_PORTS.map((port, i) => ({ port, names: given[i] && given[i] !== port ? [port, given[i]] : [port] }));
}

function variables(params: TextTemplateParams, textOf: (port: string) => string | undefined): TemplateVariables {
  const values: Record<string, string> = {};
  const unconnected = new Set<string>();
  for (const { port, names } of portNames(params)) {
    const text = textOf(port);
    for (const name of names) {
      if (text === undefined) unconnected.add(name);
      else values[name] = text;
    }
  }
  return { values, unconnected };
}

const inputs: readonly PortSpec[] = TEMPLATE_PORTS.map((name) => ({ name, type: "text" as const, label: name, required: false }));

export const textTemplateNode: NodeDefinition<TextTemplateParams> = {
  type: "textTemplate",
  label: "Text template",
  description: "Composes one text from connected texts, e.g. “A portrait of {subject} in the style of {style}”.",
  category: "logic",
  role: "transform",
  inputs,
  outputs: [{ name: "text", type: "text", label: "Text", required: false }],
  paramsSchema: textTemplateParamsSchema,
  defaults: { mode: "simple", template: "", names: "" },
  fields: [
    {
      name: "template",
      label: "Template",
      kind: "textarea",
      placeholder: "A portrait of {subject} in the style of {style}",
      help: "Simple: {name} is replaced by the text on that input. CEL: an expression such as 'A ' + subject.",
    },
    { name: "names", label: "Input names", kind: "text", placeholder: "subject, style", help: "Names inputs a, b, c… in order." },
    {
      name: "mode",
      label: "Language",
      kind: "select",
      options: [
        { value: "simple", label: "Simple {name}" },
        { value: "cel", label: "CEL expression" },
      ],
    },
  ],
  portLabels(params) {
    const labels: Record<string, string> = {};
    for (const { port, names } of portNames(params)) labels[port] = names[names.length - 1];
    return labels;
  },
  checkReady(params, connected) {
    if (!params.template.trim())
      return [{ code: "missing_parameter", field: "template", message: "The template is empty: type the text to compose" }];
    const vars = variables(params, (port) => (connected.has(port) ? "" : undefined));
    return checkTemplate(params.template, params.mode, vars).map((message): NodeIssue => ({
      code: "invalid_parameter",
      field: "template",
      message,
    }));
  },
  evaluate({ params, inputs: given }) {
    const vars = variables(params, (port) => {
      const value = given[port];
      return typeof value === "string" ? value : undefined;
    });
    return { text: renderTemplate(params.template, params.mode, vars) };
  },
  summarize(params) {
    return params.mode === "cel" ? "CEL expression" : null;
  },
};
