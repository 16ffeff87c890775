import { thumbnailUrl } from "@/lib/client/api-client";

/** An App's cover image (its thumbnail rendition), or a tinted placeholder with its initial when it has none. */
export function AppCover({ name, url, className = "" }: { name: string; url: string | null; className?: string }) {
  if (url) return <img src={thumbnailUrl(url)} alt="" data-testid="app-cover" className={`checkerboard object-cover ${className}`} />;
  // A stable hue per name, so each App's placeholder looks its own.
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  const hue = Math.abs(hash) % 360;
  return (
    <div
      aria-hidden="true"
      data-testid="app-cover-placeholder"
      className={`grid place-items-center ${className}`}
      style={{ background: `linear-gradient(135deg, hsl(${hue} 45% 26%), hsl(${(hue + 50) % 360} 40% 14%))` }}
    >
      <span className="text-[28px] font-semibold text-white/80">{name.trim().charAt(0).toUpperCase() || "A"}</span>
    </div>
  );
}
