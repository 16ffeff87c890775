/** A small spinning ring; pass a label when it is the only sign of loading. */
export function Spinner({ size = 14, label, className = "" }: { size?: number; label?: string; className?: string }) {
  return (
    <span role={label ? "status" : undefined} aria-label={label} className={`inline-flex ${className}`}>
      <svg width={size} height={size} viewBox="0 0 24 24" className="animate-spin" aria-hidden="true">
        <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" fill="none" />
        <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" fill="none" />
      </svg>
    </span>
  );
}
