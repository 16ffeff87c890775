import { describe, expect, it } from "vitest";
import { validateGraph } from "../../graph/validate";
import { renderTemplate, checkTemplate } from "../template-language";
import { textTemplateNode } from "../text-template";

const params = (data: Record<string, unknown>) => textTemplateNode.paramsSchema.parse(data);

describe("Text template", () => {
  it("fills {name} placeholders by input name or letter, keeping other braces", async () => {
    const p = params({ template: "A portrait of {subject} in the style of {b} {not a name}", names: "subject, style" });
    expect(await textTemplateNode.evaluate!({ params: p, inputs: { a: "a red fox", b: "ukiyo-e" } })).toEqual({
      text: "A portrait of a red fox in the style of ukiyo-e {not a name}",
    });
  });

  it("evaluates CEL expressions with the library (strings, conditionals, functions)", async () => {
    const p = params({
      mode: "cel",
      template: "'A portrait of ' + subject + (size(style) > 0 ? ' in ' + style.upperAscii() : '')",
      names: "subject, style",
    });
    expect(await textTemplateNode.evaluate!({ params: p, inputs: { a: "a fox", b: "noir" } })).toEqual({
      text: "A portrait of a fox in NOIR",
    });
    expect(await textTemplateNode.evaluate!({ params: p, inputs: { a: "a fox", b: "" } })).toEqual({ text: "A portrait of a fox" });
  });

  it("names the variable that has no text, in a sentence", () => {
    const vars = { values: { subject: "fox" }, unconnected: new Set(["style"]) };
    expect(() => renderTemplate("{subject} in {style}", "simple", vars)).toThrow(
      "The template uses {style}, but nothing is connected to the input style",
    );
    expect(() => renderTemplate("{mood}", "simple", vars)).toThrow(
      "The template uses {mood}, but no input is named mood (connected inputs: subject)",
    );
    expect(() => renderTemplate("subject + mood", "cel", vars)).toThrow(
      "The template uses “mood”, but no input is named mood (connected inputs: subject)",
    );
    expect(() => renderTemplate("subject + style", "cel", vars)).toThrow("nothing is connected to the input style");
  });

  it("gives the position of a CEL syntax error", () => {
    expect(checkTemplate("'A ' + ", "cel", { values: {} })).toEqual(["The expression has a mistake at character 8: Unexpected token: EOF"]);
    expect(() => renderTemplate("subject +", "cel", { values: { subject: "x" } })).toThrow(/mistake at character 10/);
  });

  it("refuses bad input names and reports template problems when the graph is run, not saved", () => {
    expect(textTemplateNode.paramsSchema.safeParse({ names: "my subject, b" }).success).toBe(false);
    expect(textTemplateNode.paramsSchema.safeParse({ names: "x, x" }).success).toBe(false);
    const graph = {
      nodes: [
        { id: "p", type: "prompt", position: { x: 0, y: 0 }, data: { text: "fox" } },
        { id: "t", type: "textTemplate", position: { x: 0, y: 0 }, data: { template: "{subject} in {style}", names: "subject, style" } },
      ],
      edges: [{ id: "e", source: "p", sourceHandle: "text", target: "t", targetHandle: "a" }],
    };
    expect(validateGraph(graph, "save").ok).toBe(true);
    const run = validateGraph(graph, "run");
    expect(run.issues.map((i) => [i.field, i.message])).toEqual([
      ["template", 'Text template node "t": The template uses {style}, but nothing is connected to the input style'],
    ]);
  });

  it("labels its inputs with their names", () => {
    expect(textTemplateNode.portLabels!(params({ names: "subject, style" }))).toMatchObject({ a: "subject", b: "style", c: "c" });
  });
});
