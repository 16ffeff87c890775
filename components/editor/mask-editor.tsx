"use client";
/**
 * Paints Retouch's mask over the image that flows into the node (components/ui/mask-painter.tsx)
 * and stores the saved mask's asset id on the node.
 */
import { useEditorStore } from "@/lib/client/editor-store";
import { toast } from "@/lib/client/toast-store";
import { useUpstreamImage } from "@/lib/client/use-upstream-image";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { MaskPainter } from "../ui/mask-painter";
import { Spinner } from "../ui/spinner";

export interface MaskEditorProps {
  open: boolean;
  onClose: () => void;
  nodeId: string;
  nodeLabel: string;
  /** The parameter that holds the mask asset id. */
  fieldName: string;
  /** The input port the painted-over image arrives on. */
  imagePort: string | undefined;
  currentMaskId: string | null;
}

export function MaskEditor(props: MaskEditorProps) {
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      title={`Paint mask · ${props.nodeLabel}`}
      description="Paint over what should change. White in the saved mask is repainted; the rest is kept."
      className="w-[min(1040px,calc(100vw-48px))]"
      testId="mask-editor"
    >
      {props.open && <MaskEditorBody {...props} />}
    </Dialog>
  );
}

function MaskEditorBody({ onClose, nodeId, fieldName, imagePort, currentMaskId }: MaskEditorProps) {
  const upstream = useUpstreamImage(nodeId, imagePort);

  if (upstream.status === "loading") {
    return (
      <div className="flex h-[320px] items-center justify-center gap-2 text-muted">
        <Spinner /> Loading the image…
      </div>
    );
  }
  if (upstream.status !== "ready") {
    return (
      <div className="flex h-[260px] flex-col items-center justify-center gap-3 px-8 text-center" data-testid="mask-editor-empty">
        <p className={`max-w-[420px] text-[13.5px] ${upstream.status === "error" ? "text-bad" : "text-muted"}`}>{upstream.message}</p>
        <Button onClick={onClose}>Close</Button>
      </div>
    );
  }
  return (
    <MaskPainter
      image={upstream.image}
      origin={
        upstream.origin === "upload"
          ? `uploaded to the ${upstream.sourceLabel} node`
          : `latest run output of the ${upstream.sourceLabel} node`
      }
      currentMaskId={currentMaskId}
      onSaved={(mask) => {
        useEditorStore.getState().updateNodeData(nodeId, { [fieldName]: mask.id });
        toast.success("Mask saved", `${mask.width} × ${mask.height} px`);
      }}
      onClose={onClose}
    />
  );
}
