"use client";
import { useState } from "react";
import type { TeamMemberView } from "@/lib/auth/team";
import { ROLE_LABELS, TEAM_ROLES, type TeamRole } from "@/lib/auth/roles";
import { authClient, authErrorDetails, authErrorMessage } from "@/lib/client/auth-client";
import { ErrorDetails } from "../ui/error-details";
import { absoluteTime, relativeTime } from "@/lib/client/format";
import { toast } from "@/lib/client/toast-store";
import { RoleBadge } from "../auth/role-badge";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { TrashIcon } from "../ui/icons";
import { Spinner } from "../ui/spinner";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? "?").slice(0, 2)).toUpperCase();
}

interface MembersListProps {
  teamName: string;
  members: TeamMemberView[];
  viewerId: string;
  /** Owners change roles and remove people; everyone else reads. */
  canManage: boolean;
  onChanged: () => void;
}

/** The team's members with their roles; owners change roles and remove people. */
export function MembersList({ teamName, members, viewerId, canManage, onChanged }: MembersListProps) {
  const [removing, setRemoving] = useState<TeamMemberView | null>(null);
  const ownerCount = members.filter((member) => member.role === "owner").length;

  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading" className="mb-2 text-[14px] font-semibold">
        Members <span className="font-normal text-faint">{members.length}</span>
      </h2>
      <ul className="overflow-hidden rounded-lg border border-line bg-panel" data-testid="members-list">
        {members.map((member) => (
          <MemberRow
            key={member.id}
            member={member}
            isViewer={member.userId === viewerId}
            canManage={canManage}
            lastOwner={member.role === "owner" && ownerCount <= 1}
            onRemove={() => setRemoving(member)}
            onChanged={onChanged}
          />
        ))}
      </ul>
      <RemoveMemberDialog teamName={teamName} member={removing} onClose={() => setRemoving(null)} onRemoved={onChanged} />
    </section>
  );
}

function MemberRow({
  member,
  isViewer,
  canManage,
  lastOwner,
  onRemove,
  onChanged,
}: {
  member: TeamMemberView;
  isViewer: boolean;
  canManage: boolean;
  lastOwner: boolean;
  onRemove: () => void;
  onChanged: () => void;
}) {
  const [role, setRole] = useState<TeamRole>(member.role);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errorDetails, setErrorDetails] = useState<string | null>(null);
  const selectId = `role-${member.id}`;

  const changeRole = async (next: TeamRole) => {
    if (next === role) return;
    const previous = role;
    setRole(next);
    setSaving(true);
    setError(null);
    setErrorDetails(null);
    const { error: failure } = await authClient.organization.updateMemberRole({ memberId: member.id, role: next });
    setSaving(false);
    if (failure) {
      setRole(previous);
      setError(authErrorMessage(failure, "Could not change the role. Try again."));
      setErrorDetails(authErrorDetails(failure));
      return;
    }
    toast.success(`${member.name} is now ${ROLE_LABELS[next].toLowerCase()}`);
    onChanged();
  };

  return (
    <li
      data-testid="member-row"
      data-member-email={member.email}
      className="flex flex-wrap items-center gap-3 border-b border-line px-4 py-2.5 last:border-b-0"
    >
      <span
        className="grid h-8 w-8 shrink-0 place-items-center rounded-full bg-panel-3 text-[11px] font-semibold text-muted"
        aria-hidden="true"
      >
        {initials(member.name)}
      </span>
      <div className="min-w-0 flex-1">
        <p className="truncate text-[13.5px] font-medium">
          {member.name}
          {isViewer && <span className="ml-1.5 text-[12px] font-normal text-faint">(you)</span>}
        </p>
        <p className="truncate text-[12px] text-faint">
          {member.email} ·{" "}
          <time dateTime={member.joinedAt} title={absoluteTime(member.joinedAt)} suppressHydrationWarning>
            joined {relativeTime(member.joinedAt)}
          </time>
        </p>
        {error && (
          <div role="alert" className="mt-1 text-[12px] text-bad" data-testid="member-error">
            {error}
            <ErrorDetails details={errorDetails} />
          </div>
        )}
      </div>
      {canManage ? (
        <div className="flex items-center gap-1.5">
          {saving && <Spinner size={12} label="Saving role" />}
          <label htmlFor={selectId} className="sr-only">
            Role of {member.name}
          </label>
          <select
            id={selectId}
            value={role}
            disabled={saving || (isViewer && lastOwner)}
            title={isViewer && lastOwner ? "A team needs at least one owner: make someone else owner first" : undefined}
            onChange={(event) => changeRole(event.target.value as TeamRole)}
            data-testid="member-role"
            className="h-7 rounded-md border border-line-strong bg-canvas px-2 text-[12.5px] outline-none focus:border-accent disabled:opacity-60"
          >
            {TEAM_ROLES.map((value) => (
              <option key={value} value={value}>
                {ROLE_LABELS[value]}
              </option>
            ))}
          </select>
          {isViewer ? (
            <span className="w-7" aria-hidden="true" />
          ) : (
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label={`Remove ${member.name} from the team`}
              title="Remove from the team"
              onClick={onRemove}
              data-testid="member-remove"
            >
              <TrashIcon size={15} />
            </Button>
          )}
        </div>
      ) : (
        <RoleBadge role={member.role} />
      )}
    </li>
  );
}

function RemoveMemberDialog({
  teamName,
  member,
  onClose,
  onRemoved,
}: {
  teamName: string;
  member: TeamMemberView | null;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errorDetails, setErrorDetails] = useState<string | null>(null);
  const close = () => {
    if (pending) return;
    setError(null);
    setErrorDetails(null);
    onClose();
  };
  return (
    <Dialog
      open={member !== null}
      onClose={close}
      title={member ? `Remove ${member.name}?` : ""}
      description={`They lose access to ${teamName}'s workflows, Apps and runs at once. What they made stays with the team.`}
      className="w-[420px]"
      testId="remove-member-dialog"
      footer={
        <>
          <Button variant="ghost" onClick={close} disabled={pending}>
            Cancel
          </Button>
          <Button
            variant="danger"
            disabled={pending}
            data-testid="remove-member-confirm"
            onClick={async () => {
              if (!member) return;
              setPending(true);
              setError(null);
              setErrorDetails(null);
              const { error: failure } = await authClient.organization.removeMember({ memberIdOrEmail: member.id });
              setPending(false);
              if (failure) {
                setError(authErrorMessage(failure, "Could not remove them. Try again."));
                setErrorDetails(authErrorDetails(failure));
                return;
              }
              toast.success(`${member.name} was removed from the team`);
              onClose();
              onRemoved();
            }}
          >
            {pending && <Spinner size={12} />}
            Remove
          </Button>
        </>
      }
    >
      {error && (
        <div role="alert" className="px-5 py-3 text-[12.5px] text-bad">
          {error}
          <ErrorDetails details={errorDetails} />
        </div>
      )}
    </Dialog>
  );
}
