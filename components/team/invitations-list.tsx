"use client";
import { useState } from "react";
import type { TeamInvitationView } from "@/lib/auth/team";
import { authClient, authErrorDetails, authErrorMessage } from "@/lib/client/auth-client";
import { ErrorDetails } from "../ui/error-details";
import { absoluteTime, relativeTime } from "@/lib/client/format";
import { toast } from "@/lib/client/toast-store";
import { RoleBadge } from "../auth/role-badge";
import { Button } from "../ui/button";
import { Spinner } from "../ui/spinner";
import { CopyButton } from "./copy-button";
import { invitationLink } from "./invitation-link";

/** Invitations not used yet: owners copy their link again or revoke them. */
export function InvitationsList({
  invitations,
  origin,
  canManage,
  onRevoked,
}: {
  invitations: TeamInvitationView[];
  origin: string;
  canManage: boolean;
  /** Called with the id of an invitation just revoked. */
  onRevoked: (invitationId: string) => void;
}) {
  return (
    <section aria-labelledby="invitations-heading">
      <h2 id="invitations-heading" className="mb-2 text-[14px] font-semibold">
        Pending invitations <span className="font-normal text-faint">{invitations.length}</span>
      </h2>
      {invitations.length === 0 ? (
        <p
          className="rounded-lg border border-dashed border-line-strong px-4 py-5 text-center text-[12.5px] text-muted"
          data-testid="invitations-empty"
        >
          No pending invitations.{canManage ? " Invite someone above to get a link to send them." : ""}
        </p>
      ) : (
        <ul className="overflow-hidden rounded-lg border border-line bg-panel" data-testid="invitations-list">
          {invitations.map((invitation) => (
            <InvitationRow
              key={invitation.id}
              invitation={invitation}
              origin={origin}
              canManage={canManage}
              onRevoked={() => onRevoked(invitation.id)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function InvitationRow({
  invitation,
  origin,
  canManage,
  onRevoked,
}: {
  invitation: TeamInvitationView;
  origin: string;
  canManage: boolean;
  onRevoked: () => void;
}) {
  const [revoking, setRevoking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errorDetails, setErrorDetails] = useState<string | null>(null);

  const revoke = async () => {
    setRevoking(true);
    setError(null);
    setErrorDetails(null);
    const { error: failure } = await authClient.organization.cancelInvitation({ invitationId: invitation.id });
    setRevoking(false);
    if (failure) {
      setError(authErrorMessage(failure, "Could not revoke the invitation. Try again."));
      setErrorDetails(authErrorDetails(failure));
      return;
    }
    toast.success(`Invitation for ${invitation.email} revoked`);
    onRevoked();
  };

  return (
    <li
      data-testid="invitation-row"
      data-invitation-email={invitation.email}
      className="flex flex-wrap items-center gap-3 border-b border-line px-4 py-2.5 last:border-b-0"
    >
      <div className="min-w-0 flex-1">
        <p className="flex items-center gap-2 truncate text-[13.5px] font-medium">
          <span className="truncate">{invitation.email}</span>
          <RoleBadge role={invitation.role} />
        </p>
        <p className="truncate text-[12px] text-faint">
          by {invitation.inviterName} ·{" "}
          {invitation.expired ? (
            <span className="text-warn">expired</span>
          ) : (
            <time dateTime={invitation.expiresAt} title={absoluteTime(invitation.expiresAt)} suppressHydrationWarning>
              expires {relativeTime(invitation.expiresAt)}
            </time>
          )}
        </p>
        {error && (
          <div role="alert" className="mt-1 text-[12px] text-bad">
            {error}
            <ErrorDetails details={errorDetails} />
          </div>
        )}
      </div>
      {canManage && (
        <div className="flex items-center gap-1.5">
          {!invitation.expired && (
            <CopyButton text={invitationLink(origin, invitation.id)} label="Copy link" data-testid="invitation-copy" />
          )}
          <Button
            size="sm"
            variant="ghost"
            onClick={revoke}
            disabled={revoking}
            data-testid="invitation-revoke"
            aria-label={`Revoke the invitation for ${invitation.email}`}
          >
            {revoking && <Spinner size={12} />}
            Revoke
          </Button>
        </div>
      )}
    </li>
  );
}
