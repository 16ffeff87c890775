"use client";
/**
 * The model picker (a `kind: "model"` field): "Auto (recommended)", then the models the
 * resolver ranks for this node's capability and prompt (POST /api/recommend) with their catalog
 * figures, then a free model id. Below it: why the highlighted model ranks where it does, the
 * Quality / Speed / Cost toggle that re-ranks, and the catalog snapshot date.
 *
 * The control is a select-only combobox (WAI-ARIA APG): focus stays on the button, arrow keys
 * move the highlight (aria-activedescendant), Enter or Space picks, Escape closes. The list
 * opens in the panel's flow rather than over it, so the highlighted model's explanation stays
 * visible below it while browsing.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useShallow } from "zustand/react/shallow";
import { errorMessage } from "@/lib/client/api-client";
import { useEditorStore } from "@/lib/client/editor-store";
import { formatCost, formatMetrics } from "@/lib/client/model-metrics";
import { useModelPickerStore } from "@/lib/client/model-picker-store";
import { nodePromptText } from "@/lib/client/node-prompt";
import { schemaSourceLabel } from "@/lib/client/schema-source";
import type { CatalogModelEntry, EngineInfo, Priority, Recommendation, RecommendResponse } from "@/lib/client/types";
import { useCatalog } from "@/lib/client/use-catalog";
import { useEngine } from "@/lib/client/use-engine";
import { useRecommendations } from "@/lib/client/use-recommendations";
import { DEFAULT_MODEL_BY_CAPABILITY } from "@/lib/nodes/default-models";
import { Button } from "../../ui/button";
import { AlertIcon, CheckIcon, ChevronDownIcon, SparklesIcon } from "../../ui/icons";
import { Spinner } from "../../ui/spinner";
import { MetricsLine } from "../metrics-line";
import { CatalogFooter } from "./catalog-footer";
import { INPUT_CLASS, type FieldOf, type FieldProps } from "./field-types";
import { PriorityToggle } from "./priority-toggle";

const AUTO = "auto";
const CUSTOM = "__custom";
const KNOWN_MODELS = [...new Set(Object.values(DEFAULT_MODEL_BY_CAPABILITY))];

type PickerOption =
  | { kind: "auto"; id: typeof AUTO }
  | { kind: "model"; id: string; rec: Recommendation; rank: number }
  | { kind: "custom"; id: typeof CUSTOM };

const PRIORITY_WORD: Record<Priority, string> = { quality: "quality", speed: "speed", cost: "cost" };

export function ModelField({
  field,
  nodeId,
  definition,
  data,
  value,
  inputId,
  describedBy,
  invalid,
  commit,
  setDraftError,
}: FieldProps<FieldOf<"model">>) {
  const stored = typeof value === "string" && value ? value : AUTO;
  const connected = useEditorStore(
    useShallow((s) => s.edges.filter((e) => e.target === nodeId && e.targetHandle).map((e) => e.targetHandle as string)),
  );
  const prompt = useEditorStore((s) => nodePromptText(nodeId, s.nodes, s.edges));
  const capability = definition.capability?.(data, new Set(connected));
  const priority = useModelPickerStore((s) => s.priority);
  const setPriority = useModelPickerStore((s) => s.setPriority);
  const ranking = useRecommendations(capability, prompt, priority);
  const catalog = useCatalog();
  const engine = useEngine();
  const recs = ranking.data?.recommendations ?? [];
  const selectedRec = recs.find((r) => r.modelId === stored);

  // "Other model id…": chosen by the user, or implied by a stored id the ranking does not list.
  const [customChosen, setCustomChosen] = useState(false);
  const [draft, setDraft] = useState(stored === AUTO ? "" : stored);
  const [seen, setSeen] = useState(stored);
  if (seen !== stored) {
    setSeen(stored);
    if (stored === AUTO) setCustomChosen(false);
    else setDraft(stored);
  }
  const custom = customChosen || (stored !== AUTO && ranking.isSuccess && !ranking.isPlaceholderData && !selectedRec);

  const options: PickerOption[] = [
    { kind: "auto", id: AUTO },
    ...recs.map((rec, i): PickerOption => ({ kind: "model", id: rec.modelId, rec, rank: i + 1 })),
    { kind: "custom", id: CUSTOM },
  ];
  const selectedId = custom ? CUSTOM : stored === AUTO ? AUTO : stored;
  const selectedIndex = Math.max(
    0,
    options.findIndex((o) => o.id === selectedId),
  );

  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const datalistId = useId();
  const customInput = useRef<HTMLInputElement>(null);
  const optionId = (i: number) => `${listId}-opt-${i}`;

  useEffect(() => {
    if (!open) return;
    document.getElementById(`${listId}-opt-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [open, active, listId]);

  const openList = () => {
    setActive(selectedIndex);
    setOpen(true);
  };

  const choose = (option: PickerOption) => {
    setOpen(false);
    if (option.kind === "auto") {
      setCustomChosen(false);
      setDraftError(null);
      commit(AUTO);
    } else if (option.kind === "model") {
      setCustomChosen(false);
      setDraftError(null);
      commit(option.id);
    } else {
      setCustomChosen(true);
      if (draft.trim() && draft.trim() !== AUTO) commit(draft.trim());
      requestAnimationFrame(() => customInput.current?.focus());
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const last = options.length - 1;
    if (!open) {
      if (["ArrowDown", "ArrowUp", "Enter", " "].includes(event.key)) {
        event.preventDefault();
        openList();
      }
      return;
    }
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      Home: 0,
      End: last,
      PageDown: active + 5,
      PageUp: active - 5,
    };
    if (event.key in moves) {
      event.preventDefault();
      setActive(Math.min(last, Math.max(0, moves[event.key])));
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === "Tab") {
      setOpen(false);
    } else if (event.key.length === 1 && /\S/.test(event.key)) {
      // Type-ahead: the next option whose name starts with the letter.
      const letter = event.key.toLowerCase();
      for (let step = 1; step <= options.length; step++) {
        const i = (active + step) % options.length;
        if (optionLabel(options[i]).toLowerCase().startsWith(letter)) {
          setActive(i);
          break;
        }
      }
    }
  };

  // The model whose explanation shows: the highlighted one while the list is open, else the selected one.
  const highlighted = open ? options[active] : undefined;
  const infoRec = highlighted?.kind === "model" ? highlighted.rec : !open || highlighted?.kind !== "auto" ? selectedRec : undefined;
  const showAutoInfo = (open ? highlighted?.kind === "auto" : stored === AUTO && !custom) && ranking.isSuccess;
  const snapshotDate = ranking.data?.snapshotDate ?? catalog.data?.snapshotDate;
  const updating = ranking.isFetching || ranking.debouncing;

  return (
    <div className="space-y-2.5" data-testid="model-picker" data-capability={capability ?? ""}>
      <div>
        <button
          id={inputId}
          type="button"
          role="combobox"
          aria-haspopup="listbox"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open ? optionId(active) : undefined}
          aria-describedby={describedBy}
          data-testid={`field-${field.name}`}
          data-value={stored}
          onClick={() => (open ? setOpen(false) : openList())}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          className={`${INPUT_CLASS} flex min-h-[44px] items-center gap-2 py-1.5 text-left ${open ? "border-accent" : ""}`}
        >
          <span className="min-w-0 flex-1">
            <SelectedSummary stored={stored} custom={custom} rec={selectedRec} loading={ranking.isPending && !!capability} />
          </span>
          <ChevronDownIcon size={14} className={`shrink-0 text-faint transition-transform ${open ? "rotate-180" : ""}`} />
        </button>

        {open && (
          <ul
            id={listId}
            role="listbox"
            aria-label={`${field.label} for ${capability ?? "this node"}`}
            data-testid="model-listbox"
            onMouseDown={(event) => event.preventDefault()}
            className="mt-1 max-h-[320px] overflow-y-auto overscroll-contain rounded-lg border border-line-strong bg-panel-2 p-1 shadow-lg shadow-black/40"
          >
            {options
              .map((option, i) => (
                <PickerRow
                  key={option.id}
                  id={optionId(i)}
                  option={option}
                  active={i === active}
                  selected={option.id === selectedId}
                  onHover={() => setActive(i)}
                  onPick={() => choose(option)}
                  heading={
                    i === 1 && option.kind === "model"
                      ? `Ranked for ${PRIORITY_WORD[ranking.data?.priority ?? priority]} · ${capability}`
                      : undefined
                  }
                />
              ))
              .flatMap((row, i) =>
                // Status rows go between Auto and the free id while there is no ranking to show.
                i === 0 && recs.length === 0 ? [row, <RankingStatus key="status" ranking={ranking} capability={capability} />] : [row],
              )}
          </ul>
        )}
      </div>

      {custom && (
        <div>
          <input
            ref={customInput}
            data-testid={`field-${field.name}-id`}
            aria-label="Model id"
            list={datalistId}
            value={draft}
            placeholder="model_…"
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(event) => {
              const text = event.target.value;
              setDraft(text);
              if (!text.trim()) {
                setDraftError("Type a model id, or choose Auto");
                return;
              }
              commit(text.trim());
            }}
            className={`${INPUT_CLASS} h-8 font-mono text-[12px]`}
          />
          <datalist id={datalistId}>
            {[...new Set([...recs.map((r) => r.modelId), ...KNOWN_MODELS])].map((id) => (
              <option key={id} value={id} />
            ))}
          </datalist>
        </div>
      )}

      <div className="flex items-center justify-between gap-2">
        <PriorityToggle value={priority} onChange={setPriority} />
        {updating && capability && <Spinner size={12} label="Updating the ranking" className="text-faint" />}
      </div>

      {ranking.isError && (
        <div
          role="alert"
          data-testid="model-ranking-error"
          className="flex items-start gap-2 rounded-md border border-bad/40 bg-bad-soft px-2.5 py-2 text-[12px] text-[#ffb0b0]"
        >
          <AlertIcon size={13} className="mt-0.5 shrink-0" />
          <p className="min-w-0 flex-1">
            Could not rank models{capability ? ` for ${capability}` : ""}: {errorMessage(ranking.error)}
          </p>
          <Button size="sm" variant="ghost" className="-my-1" onClick={() => void ranking.refetch()}>
            Retry
          </Button>
        </div>
      )}

      {showAutoInfo && <AutoInfo top={recs[0]} priority={ranking.data?.priority ?? priority} />}
      {infoRec && (
        <ModelInfo
          rec={infoRec}
          rank={recs.indexOf(infoRec) + 1}
          entry={catalog.data?.models.find((m) => m.id === infoRec.modelId)}
          engine={engine.data?.id}
        />
      )}
      {ranking.data && (
        <PlatformSuggestion
          nodeId={nodeId}
          data={data}
          hasPlatformField={definition.fields.some((f) => f.name === "platform")}
          response={ranking.data}
        />
      )}

      <CatalogFooter
        catalog={catalog.data}
        snapshotDate={snapshotDate}
        rankedLine={ranking.data ? ` · ${recs.length} model${recs.length === 1 ? "" : "s"} ranked for ${ranking.data.capability}` : ""}
      />
    </div>
  );
}

function optionLabel(option: PickerOption): string {
  return option.kind === "auto" ? "Auto (recommended)" : option.kind === "custom" ? "Other model id…" : option.rec.name;
}

function SelectedSummary({ stored, custom, rec, loading }: { stored: string; custom: boolean; rec?: Recommendation; loading: boolean }) {
  if (stored === AUTO && !custom) {
    return (
      <>
        <span className="flex items-center gap-1.5 text-[13px]">
          <SparklesIcon size={13} className="text-accent" /> Auto (recommended)
        </span>
        <span className="block truncate text-[11px] text-faint">The resolver picks a model for each run</span>
      </>
    );
  }
  if (rec) {
    return (
      <>
        <span className="block truncate text-[13px]">{rec.name}</span>
        <MetricsLine metrics={rec.metrics} className="block truncate text-[11px] text-muted" />
      </>
    );
  }
  return (
    <>
      <span className="block text-[13px]">{custom ? "Other model id" : "Model"}</span>
      <span className="block truncate font-mono text-[11px] text-muted">
        {custom && stored === AUTO ? "type an id below" : loading ? `${stored} · ranking…` : stored}
      </span>
    </>
  );
}

function PickerRow({
  id,
  option,
  active,
  selected,
  heading,
  onHover,
  onPick,
}: {
  id: string;
  option: PickerOption;
  active: boolean;
  selected: boolean;
  heading?: string;
  onHover: () => void;
  onPick: () => void;
}) {
  const row = (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      data-testid="model-option"
      data-option={option.kind}
      data-model-id={option.kind === "model" ? option.id : undefined}
      title={
        option.kind === "model"
          ? `${option.rec.name} (${option.id}) · score ${option.rec.score.toFixed(2)} · ${formatMetrics(option.rec.metrics)}`
          : undefined
      }
      onMouseMove={onHover}
      onClick={onPick}
      className={`flex cursor-pointer items-start gap-2 rounded-md px-2 py-1.5 ${active ? "bg-panel-3" : ""}`}
    >
      <span className="mt-0.5 w-4 shrink-0 text-right text-[11px] text-faint tabular-nums">
        {option.kind === "auto" ? <SparklesIcon size={12} className="text-accent" /> : option.kind === "model" ? option.rank : ""}
      </span>
      <span className="min-w-0 flex-1">
        {option.kind === "auto" && (
          <>
            <span className="block text-[12.5px] font-medium">Auto (recommended)</span>
            <span className="block text-[11px] text-faint">Picks the best-ranked model when the node runs</span>
          </>
        )}
        {option.kind === "model" && (
          <>
            <span className="flex items-center gap-1.5">
              <span className="truncate text-[12.5px] font-medium">{option.rec.name}</span>
              {option.rank === 1 && (
                <span className="shrink-0 rounded-full bg-accent-soft px-1.5 text-[10px] leading-4 text-[#b3b6ff]">top</span>
              )}
            </span>
            <MetricsLine metrics={option.rec.metrics} className="block truncate text-[11px] text-muted" />
          </>
        )}
        {option.kind === "custom" && (
          <>
            <span className="block text-[12.5px] font-medium">Other model id…</span>
            <span className="block text-[11px] text-faint">Type any model id</span>
          </>
        )}
      </span>
      {selected && <CheckIcon size={14} className="mt-0.5 shrink-0 text-accent" />}
    </li>
  );
  if (!heading) return row;
  return (
    <>
      <li
        role="presentation"
        className="mt-1 border-t border-line px-2 pt-2 pb-1 text-[10.5px] font-medium tracking-wide text-faint uppercase"
      >
        {heading}
      </li>
      {row}
    </>
  );
}

function RankingStatus({ ranking, capability }: { ranking: ReturnType<typeof useRecommendations>; capability?: string }) {
  let body;
  if (!capability) body = <p className="text-faint">This node has no capability to rank models for.</p>;
  else if (ranking.isPending)
    body = (
      <div className="space-y-1.5" aria-busy="true">
        <p className="flex items-center gap-1.5 text-faint">
          <Spinner size={11} /> Ranking models for {capability}…
        </p>
        {/* The listbox is panel-2 already: plain pulsing bars, lighter than it. */}
        <div className="h-7 animate-pulse rounded bg-panel-3" />
        <div className="h-7 animate-pulse rounded bg-panel-3" />
      </div>
    );
  else if (ranking.isError) body = <p className="text-bad">Ranking unavailable: {errorMessage(ranking.error)}</p>;
  else
    body = (
      <div className="text-faint">
        <p>No catalog model qualifies for {capability}.</p>
        {ranking.data?.excluded.slice(0, 3).map((e) => (
          <p key={e.modelId} className="truncate" title={e.reasons.join("; ")}>
            {e.name}: {e.reasons[0]}
          </p>
        ))}
      </div>
    );
  return (
    <li role="presentation" className="mt-1 border-t border-line px-2 py-2 text-[11.5px]">
      {body}
    </li>
  );
}

function AutoInfo({ top, priority }: { top?: Recommendation; priority: Priority }) {
  return (
    <section className="rounded-lg border border-line bg-panel-2 px-3 py-2.5 text-[12px]" data-testid="model-info" aria-label="About Auto">
      <p className="text-muted">
        Auto asks the resolver at run time: quality for a single output, faster and cheaper models for several candidates, and the model
        that made the input image when continuity matters.
      </p>
      {top && (
        <p className="mt-1.5 text-faint">
          Top for {priority} now: <span className="text-fg">{top.name}</span>
        </p>
      )}
    </section>
  );
}

/**
 * Where the cost figure comes from, in the engine's terms (issue 7: estimates and charges from one
 * source): offline runs charge the catalog figure per output; on Scenario a run is charged what
 * Scenario bills, and the node's dry-run estimate is the authoritative preview.
 */
function costNote(rec: Recommendation, engine: EngineInfo["provider"]["id"] | undefined): string | null {
  const cu = rec.metrics.p50CostCU;
  if (cu === null) return "The catalog has no cost figure for this model; the node's cost estimate asks the engine.";
  const figure = `${formatCost(cu)} per output is the catalog's ${rec.metrics.estimated.p50CostCU ? "estimate" : "figure"}`;
  if (engine === "local") return `${figure}; offline runs charge exactly this.`;
  if (engine === "scenario")
    return `${figure}; a run is charged what Scenario bills, so the node's own cost estimate (a dry run) is the one to trust.`;
  return `${figure}.`;
}

/** Whether the snapshot has the model's input schema (never guessed: without one the studio asks Scenario when the node runs). */
function SchemaNote({ entry }: { entry?: CatalogModelEntry }) {
  if (!entry) return null;
  const source = schemaSourceLabel(entry.schemaSource);
  if (!entry.hasSchema) {
    return (
      <p className="leading-snug text-faint" data-testid="model-schema-note" data-has-schema="false">
        No input schema in the snapshot: the studio asks Scenario for it when the node runs.
      </p>
    );
  }
  return (
    <p className="leading-snug text-faint" data-testid="model-schema-note" data-has-schema="true" title={entry.schemaSource ?? undefined}>
      Input schema in the snapshot{source ? ` (${source})` : ""}.
    </p>
  );
}

function ModelInfo({
  rec,
  rank,
  entry,
  engine,
}: {
  rec: Recommendation;
  rank: number;
  entry?: CatalogModelEntry;
  engine?: EngineInfo["provider"]["id"];
}) {
  const cost = costNote(rec, engine);
  return (
    <section
      className="space-y-1.5 rounded-lg border border-line bg-panel-2 px-3 py-2.5 text-[12px]"
      data-testid="model-info"
      aria-label={`About ${rec.name}`}
    >
      <div className="flex items-baseline gap-2">
        <h3 className="min-w-0 flex-1 truncate text-[12.5px] font-semibold" title={rec.modelId}>
          {rank > 0 && <span className="mr-1 font-normal text-faint tabular-nums">#{rank}</span>}
          {rec.name}
        </h3>
        <span className="shrink-0 text-[11px] text-faint tabular-nums" title="Resolver score, 0 to 1">
          score {rec.score.toFixed(2)}
        </span>
      </div>
      <MetricsLine metrics={rec.metrics} className="block text-[11.5px] text-muted" />
      <p className="leading-snug text-muted" data-testid="model-explanation">
        {rec.explanation}
      </p>
      {rec.tradeoffs.length > 0 && (
        <ul className="list-disc space-y-0.5 pl-4 leading-snug text-faint marker:text-line-strong" aria-label="Trade-offs">
          {rec.tradeoffs.map((t, i) => (
            <li key={i}>{t}</li>
          ))}
        </ul>
      )}
      {cost && (
        <p className="leading-snug text-faint" data-testid="model-cost-note">
          {cost}
        </p>
      )}
      <SchemaNote entry={entry} />
    </section>
  );
}

/**
 * When the prompt names a platform the node is not set to, offer its size in one click; when the
 * call is close (the resolver's `platformAlternative`), offer the runner-up beside it.
 */
function PlatformSuggestion({
  nodeId,
  data,
  hasPlatformField,
  response,
}: {
  nodeId: string;
  data: Record<string, unknown>;
  hasPlatformField: boolean;
  response: RecommendResponse;
}) {
  const platform = response.platform;
  if (!platform || !hasPlatformField || data.platform === platform.id) return null;
  const alternative =
    response.platformAlternative && response.platformAlternative.id !== data.platform ? response.platformAlternative : null;
  const use = (id: string) => useEditorStore.getState().updateNodeData(nodeId, { platform: id });
  return (
    <div className="rounded-md border border-accent/30 bg-accent-soft px-2.5 py-1.5 text-[12px]" data-testid="platform-suggestion">
      <div className="flex items-center gap-2">
        <p className="min-w-0 flex-1 text-muted">
          The prompt mentions <span className="text-fg">{platform.label}</span>: {platform.width} × {platform.height} px
        </p>
        <Button size="sm" variant="ghost" className="-my-1 text-accent" onClick={() => use(platform.id)}>
          Use it
        </Button>
      </div>
      {alternative && (
        <div className="mt-1 flex items-center gap-2 border-t border-accent/20 pt-1" data-testid="platform-alternative">
          <p className="min-w-0 flex-1 text-muted">
            Close call: it could also be <span className="text-fg">{alternative.label}</span> ({alternative.width} × {alternative.height}{" "}
            px)
          </p>
          <Button size="sm" variant="ghost" className="-my-1 text-accent" onClick={() => use(alternative.id)}>
            Use this instead
          </Button>
        </div>
      )}
    </div>
  );
}
