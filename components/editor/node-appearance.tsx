/**
 * How a node kind looks, derived from its definition (category and ports), never from its
 * type name: adding a kind to lib/nodes needs no change here.
 */
import type { AnyNodeDefinition } from "@/lib/nodes";
import { CheckIcon, FlagIcon, ImageIcon, SparklesIcon, TextIcon, WandIcon } from "../ui/icons";

const CATEGORY_TONE: Record<AnyNodeDefinition["category"], { chip: string; label: string; minimap: string }> = {
  input: { chip: "bg-[#2a2f3a] text-[#c3cad8]", label: "Inputs", minimap: "#596274" },
  generate: { chip: "bg-[#7b7fff26] text-[#a9acff]", label: "Generate", minimap: "#7b7fff" },
  edit: { chip: "bg-[#4fc3f71f] text-[#8fd8fb]", label: "Edit", minimap: "#4fc3f7" },
  flow: { chip: "bg-[#f5b9421f] text-[#f5c76b]", label: "Flow", minimap: "#f5b942" },
  output: { chip: "bg-[#3ecf8e1f] text-[#7fe3b4]", label: "Output", minimap: "#3ecf8e" },
};

export const CATEGORY_ORDER: ReadonlyArray<AnyNodeDefinition["category"]> = ["input", "generate", "edit", "flow", "output"];

export function categoryTone(category: AnyNodeDefinition["category"]) {
  return CATEGORY_TONE[category];
}

export function NodeIcon({ definition, size = 14 }: { definition: AnyNodeDefinition; size?: number }) {
  if (definition.category === "generate") return <SparklesIcon size={size} />;
  if (definition.category === "edit") return <WandIcon size={size} />;
  if (definition.category === "output") return <FlagIcon size={size} />;
  if (definition.category === "flow") return <CheckIcon size={size} />;
  return definition.outputs[0]?.type === "text" ? <TextIcon size={size} /> : <ImageIcon size={size} />;
}

export function NodeChip({ definition, size = "md" }: { definition: AnyNodeDefinition; size?: "sm" | "md" }) {
  const dims = size === "sm" ? "h-6 w-6" : "h-7 w-7";
  return (
    <span className={`grid ${dims} shrink-0 place-items-center rounded-md ${categoryTone(definition.category).chip}`}>
      <NodeIcon definition={definition} size={size === "sm" ? 13 : 14} />
    </span>
  );
}

/** Does this kind let the user pick a model (it has a `model` field)? */
export function modelFieldOf(definition: AnyNodeDefinition) {
  return definition.fields.find((f) => f.kind === "model");
}

/** The parameter holding an uploaded image, if the kind has one. */
export function assetFieldOf(definition: AnyNodeDefinition) {
  return definition.fields.find((f) => f.kind === "asset");
}
