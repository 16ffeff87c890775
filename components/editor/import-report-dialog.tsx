"use client";
/**
 * What an import did (lib/interop/report.ts), for the designer: what needs their attention first
 * (placeholders that cannot run and parts left out, each with the reason), then what was brought
 * over and what was folded into another node. Opened by lib/client/import-workflow-file.ts.
 */
import { useImportReportStore } from "@/lib/client/import-workflow-file";
import type { ImportReport, ImportReportItem } from "@/lib/interop/report";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { AlertIcon, CheckIcon, LayersIcon } from "../ui/icons";

const SOURCE_NAME: Record<ImportReport["source"], string> = { scenario: "Scenario", comfyui: "ComfyUI", studio: "the studio" };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function Section({
  title,
  icon,
  items,
  tone,
  testId,
}: {
  title: string;
  icon: React.ReactNode;
  items: ImportReportItem[];
  tone: string;
  testId: string;
}) {
  if (items.length === 0) return null;
  return (
    <section data-testid={testId} className="px-5 py-3">
      <h3 className={`mb-2 flex items-center gap-1.5 text-[12px] font-semibold tracking-wide uppercase ${tone}`}>
        {icon}
        {title} <span className="font-normal text-faint">({items.length})</span>
      </h3>
      <ul className="space-y-1.5">
        {items.map((item) => (
          <li
            key={`${item.foreignType}:${item.foreignId}`}
            data-testid="import-report-item"
            title={`${item.foreignType} ${item.foreignId}`}
            className="rounded-md border border-line bg-panel-2 px-3 py-2"
          >
            <p className="text-[13px] font-medium text-fg">{item.title}</p>
            <p className="mt-0.5 text-[12.5px] leading-snug text-muted">{item.message}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ImportReportDialog() {
  const shown = useImportReportStore((s) => s.shown);
  const close = useImportReportStore((s) => s.close);
  const items = shown?.report.items ?? [];
  const attention = items.filter((i) => i.outcome === "placeholder" || i.outcome === "left-out");
  const mapped = items.filter((i) => i.outcome === "mapped");
  const folded = items.filter((i) => i.outcome === "folded");
  const from = shown ? SOURCE_NAME[shown.report.source] : "";
  const placeholders = attention.filter((i) => i.outcome === "placeholder").length;

  return (
    <Dialog
      open={!!shown}
      onClose={close}
      testId="import-report"
      className="w-[560px]"
      title={shown ? `Imported “${shown.report.name || shown.fileName}” from ${from}` : ""}
      description={
        shown
          ? `${plural(shown.addedNodes, "node")} added below your canvas.` +
            (attention.length === 0
              ? " Everything in the file has an equivalent here."
              : ` ${plural(attention.length, "part")} did not map: ${placeholders > 0 ? "replace or delete the nodes marked “Not available here” before running." : "see why below."}`)
          : undefined
      }
      footer={
        <Button variant="primary" onClick={close} data-testid="import-report-close">
          Done
        </Button>
      }
    >
      <div className="divide-y divide-line">
        <Section
          title="Needs your attention"
          icon={<AlertIcon size={13} />}
          items={attention}
          tone="text-[#f5b454]"
          testId="import-report-attention"
        />
        <Section title="Brought over" icon={<CheckIcon size={13} />} items={mapped} tone="text-[#7fe3b4]" testId="import-report-mapped" />
        <Section
          title="Folded into other nodes"
          icon={<LayersIcon size={13} />}
          items={folded}
          tone="text-muted"
          testId="import-report-folded"
        />
      </div>
    </Dialog>
  );
}
