"use client";
/**
 * Before/after comparison of an image a node changed (Retouch, Expand, Upscale, Remove
 * background): the input under the result, split by a slider that follows a drag or the arrow
 * keys (react-compare-slider: the handle is a focusable `role="slider"`). Both images fit the
 * same box, so an expanded or upscaled result lines up with what it came from.
 */
import { ReactCompareSlider } from "react-compare-slider";
import { useState } from "react";
import { assetFileUrl, thumbnailUrl } from "@/lib/client/api-client";
import { useAsset } from "@/lib/client/use-asset";
import { beforeAssetIdOf } from "@/lib/client/before-image";

/** The "before" asset id of `assetId` when its node compares with an input, else null (loads the asset's provenance). */
export function useBeforeImage(assetId: string | null | undefined): string | null {
  const { data } = useAsset(assetId);
  return data ? beforeAssetIdOf(data.provenance) : null;
}

const chip = "pointer-events-none absolute top-2 z-10 rounded bg-black/65 px-1.5 py-0.5 text-[11px] font-medium text-white";

export function CompareView({
  beforeAssetId,
  afterUrl,
  label,
  width,
  height,
  full = false,
  className = "",
  style,
  afterTestId = "compare-after",
}: {
  beforeAssetId: string;
  afterUrl: string;
  label: string;
  /** The result's pixel size: the box takes its aspect ratio. */
  width: number;
  height: number;
  /** Full-size images (lightbox) rather than thumbnails. */
  full?: boolean;
  className?: string;
  style?: React.CSSProperties;
  /** Test id of the result image (the lightbox keeps its `lightbox-image`). */
  afterTestId?: string;
}) {
  const [position, setPosition] = useState(50);
  const before = full ? assetFileUrl(beforeAssetId) : thumbnailUrl(assetFileUrl(beforeAssetId));
  const after = full ? afterUrl : thumbnailUrl(afterUrl);
  const img = "block h-full w-full object-contain";
  return (
    <div
      data-testid="compare-view"
      data-position={Math.round(position)}
      className={`checkerboard relative nodrag nowheel ${className}`}
      style={{ aspectRatio: width > 0 && height > 0 ? `${width} / ${height}` : undefined, ...style }}
    >
      <ReactCompareSlider
        className="h-full w-full"
        aria-label={`Compare ${label} with its input`}
        onPositionChange={setPosition}
        keyboardIncrement="5%"
        itemOne={<img src={before} alt={`${label}: before`} draggable={false} className={img} data-testid="compare-before" />}
        itemTwo={<img src={after} alt={`${label}: after`} draggable={false} className={img} data-testid={afterTestId} />}
      />
      <span className={`${chip} left-2`}>Before</span>
      <span className={`${chip} right-2`}>After</span>
    </div>
  );
}
