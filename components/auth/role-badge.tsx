import { ROLE_DESCRIPTIONS, ROLE_LABELS, type TeamRole } from "@/lib/auth/roles";

const STYLES: Record<TeamRole, string> = {
  owner: "bg-accent-soft text-[#b3b6ff]",
  editor: "bg-port-image/15 text-port-image",
  member: "bg-panel-3 text-muted",
};

/** A team role as a small pill, its meaning in the tooltip. */
export function RoleBadge({ role, className = "" }: { role: TeamRole; className?: string }) {
  return (
    <span
      title={ROLE_DESCRIPTIONS[role]}
      data-testid="role-badge"
      className={`inline-flex h-5 shrink-0 items-center rounded-full px-2 text-[11px] font-medium ${STYLES[role]} ${className}`}
    >
      {ROLE_LABELS[role]}
    </span>
  );
}
