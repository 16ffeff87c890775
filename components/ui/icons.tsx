/**
 * Inline stroke icons (24×24 grid, currentColor), so the UI needs no icon font or network.
 * Decorative by default (aria-hidden): icon-only buttons carry their own aria-label.
 */
import type { SVGProps } from "react";

type IconProps = SVGProps<SVGSVGElement> & { size?: number };

function make(paths: React.ReactNode, displayName: string) {
  function Icon({ size = 16, ...props }: IconProps) {
    return (
      <svg
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
        {...props}
      >
        {paths}
      </svg>
    );
  }
  Icon.displayName = displayName;
  return Icon;
}

export const PlusIcon = make(<path d="M12 5v14M5 12h14" />, "PlusIcon");
export const TrashIcon = make(
  <>
    <path d="M4 7h16M10 11v6M14 11v6" />
    <path d="M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3" />
  </>,
  "TrashIcon",
);
export const CopyIcon = make(
  <>
    <rect x="9" y="9" width="11" height="11" rx="2" />
    <path d="M5 15V5a2 2 0 0 1 2-2h8" />
  </>,
  "CopyIcon",
);
export const PencilIcon = make(
  <>
    <path d="M4 20h4L19 9l-4-4L4 16v4z" />
    <path d="M13.5 6.5l4 4" />
  </>,
  "PencilIcon",
);
export const PlayIcon = make(<path d="M7 5v14l11-7z" fill="currentColor" stroke="none" />, "PlayIcon");
export const StopIcon = make(<rect x="6" y="6" width="12" height="12" rx="2" fill="currentColor" stroke="none" />, "StopIcon");
export const UndoIcon = make(
  <>
    <path d="M9 14L4 9l5-5" />
    <path d="M4 9h10a6 6 0 0 1 0 12h-3" />
  </>,
  "UndoIcon",
);
export const RedoIcon = make(
  <>
    <path d="M15 14l5-5-5-5" />
    <path d="M20 9H10a6 6 0 0 0 0 12h3" />
  </>,
  "RedoIcon",
);
export const ChevronLeftIcon = make(<path d="M15 18l-6-6 6-6" />, "ChevronLeftIcon");
export const ChevronDownIcon = make(<path d="M6 9l6 6 6-6" />, "ChevronDownIcon");
export const ChevronUpIcon = make(<path d="M6 15l6-6 6 6" />, "ChevronUpIcon");
export const XIcon = make(<path d="M6 6l12 12M18 6L6 18" />, "XIcon");
export const DownloadIcon = make(
  <>
    <path d="M12 4v11M7 10l5 5 5-5" />
    <path d="M5 20h14" />
  </>,
  "DownloadIcon",
);
export const UploadIcon = make(
  <>
    <path d="M12 20V9M7 14l5-5 5 5" />
    <path d="M5 4h14" />
  </>,
  "UploadIcon",
);
export const ImageIcon = make(
  <>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <circle cx="9" cy="10" r="2" />
    <path d="M21 16l-5-5-9 9" />
  </>,
  "ImageIcon",
);
export const TextIcon = make(<path d="M5 6h14M12 6v13M9 19h6" />, "TextIcon");
export const SparklesIcon = make(
  <>
    <path d="M12 3l1.8 4.7L18.5 9.5l-4.7 1.8L12 16l-1.8-4.7L5.5 9.5l4.7-1.8z" />
    <path d="M19 15l.8 2.2L22 18l-2.2.8L19 21l-.8-2.2L16 18l2.2-.8z" />
  </>,
  "SparklesIcon",
);
export const WandIcon = make(
  <>
    <path d="M4 20L16 8" />
    <path d="M14 6l4 4" />
    <path d="M18 2v3M16.5 3.5h3M21 8v2M20 9h2" />
  </>,
  "WandIcon",
);
export const FlagIcon = make(
  <>
    <path d="M5 21V4" />
    <path d="M5 4h11l-2 4 2 4H5" />
  </>,
  "FlagIcon",
);
export const BranchIcon = make(<path d="M6 4v10a4 4 0 0 0 4 4h8M6 10h6a4 4 0 0 0 4-4V4M15 15l3 3-3 3" />, "BranchIcon");
export const DiceIcon = make(
  <>
    <rect x="4" y="4" width="16" height="16" rx="3" />
    <circle cx="9" cy="9" r="1" fill="currentColor" />
    <circle cx="15" cy="15" r="1" fill="currentColor" />
    <circle cx="15" cy="9" r="1" fill="currentColor" />
    <circle cx="9" cy="15" r="1" fill="currentColor" />
  </>,
  "DiceIcon",
);
export const BrushIcon = make(
  <>
    <path d="M14 4l6 6-8 8-6-6z" />
    <path d="M6 12c-2 1-3 3-3 6 3 0 5-1 6-3" />
  </>,
  "BrushIcon",
);
export const EraserIcon = make(
  <>
    <path d="M15 4l5 5-10 10H5l-2-2 12-13z" />
    <path d="M9 20h11" />
  </>,
  "EraserIcon",
);
export const CheckIcon = make(<path d="M5 12l4 4 10-10" />, "CheckIcon");
export const AlertIcon = make(
  <>
    <path d="M12 3l10 18H2z" />
    <path d="M12 10v4M12 17.5v.5" />
  </>,
  "AlertIcon",
);
export const PanelBottomIcon = make(
  <>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <path d="M3 14h18" />
  </>,
  "PanelBottomIcon",
);
export const ExpandIcon = make(<path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />, "ExpandIcon");
export const RefreshIcon = make(
  <>
    <path d="M20 11a8 8 0 0 0-14.5-4.5L4 8" />
    <path d="M4 4v4h4" />
    <path d="M4 13a8 8 0 0 0 14.5 4.5L20 16" />
    <path d="M20 20v-4h-4" />
  </>,
  "RefreshIcon",
);
export const LayersIcon = make(
  <>
    <path d="M12 3l9 5-9 5-9-5z" />
    <path d="M3 13l9 5 9-5" />
  </>,
  "LayersIcon",
);
export const GripIcon = make(
  <>
    <circle cx="9" cy="7" r="1" fill="currentColor" />
    <circle cx="15" cy="7" r="1" fill="currentColor" />
    <circle cx="9" cy="12" r="1" fill="currentColor" />
    <circle cx="15" cy="12" r="1" fill="currentColor" />
    <circle cx="9" cy="17" r="1" fill="currentColor" />
    <circle cx="15" cy="17" r="1" fill="currentColor" />
  </>,
  "GripIcon",
);
export const CpuIcon = make(
  <>
    <rect x="6" y="6" width="12" height="12" rx="2" />
    <path d="M9 2v4M15 2v4M9 18v4M15 18v4M2 9h4M2 15h4M18 9h4M18 15h4" />
  </>,
  "CpuIcon",
);

/** Four tiles: an App. */
export const AppsIcon = make(
  <>
    <rect x="4" y="4" width="7" height="7" rx="1.5" />
    <rect x="13" y="4" width="7" height="7" rx="1.5" />
    <rect x="4" y="13" width="7" height="7" rx="1.5" />
    <rect x="13" y="13" width="7" height="7" rx="1.5" />
  </>,
  "AppsIcon",
);
/** A paper plane: publish. */
export const PublishIcon = make(
  <>
    <path d="M21 3L10 14" />
    <path d="M21 3l-7 18-4-7-7-4z" />
  </>,
  "PublishIcon",
);
/** A gauge: quota. */
export const GaugeIcon = make(
  <>
    <path d="M4 18a8 8 0 1 1 16 0" />
    <path d="M12 18l4-6" />
  </>,
  "GaugeIcon",
);
/** An arrow out of a box: open elsewhere. */
export const ExternalIcon = make(
  <>
    <path d="M14 4h6v6" />
    <path d="M20 4l-9 9" />
    <path d="M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" />
  </>,
  "ExternalIcon",
);
/** A circled i: details. */
export const InfoIcon = make(
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 11v5M12 8v.5" />
  </>,
  "InfoIcon",
);
/** Three boxes joined left to right: auto-layout. */
export const LayoutIcon = make(
  <>
    <rect x="2" y="9" width="6" height="6" rx="1" />
    <rect x="16" y="4" width="6" height="6" rx="1" />
    <rect x="16" y="14" width="6" height="6" rx="1" />
    <path d="M8 12h4M12 7v10M12 7h4M12 17h4" />
  </>,
  "LayoutIcon",
);
