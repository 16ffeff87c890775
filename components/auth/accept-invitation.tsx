"use client";
import { useState } from "react";
import { homePathForRole, type TeamRole } from "@/lib/auth/roles";
import { authClient, authErrorMessage } from "@/lib/client/auth-client";
import { Button } from "../ui/button";
import { Spinner } from "../ui/spinner";
import { FormError } from "./auth-card";

/**
 * Accepts the invitation: the user joins the team with its role, the team becomes the
 * session's active team, and they land on their role's home (members `/apps`, others `/`).
 */
export function AcceptInvitation({ invitationId, teamName, role }: { invitationId: string; teamName: string; role: TeamRole }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      <FormError testId="accept-invitation-error">{error}</FormError>
      <Button
        variant="primary"
        className="w-full justify-center"
        autoFocus
        disabled={pending}
        data-testid="accept-invitation"
        onClick={async () => {
          setPending(true);
          setError(null);
          const { error: failure } = await authClient.organization.acceptInvitation({ invitationId });
          if (failure) {
            setPending(false);
            setError(authErrorMessage(failure, "Could not join the team. Try again."));
            return;
          }
          window.location.assign(homePathForRole(role));
        }}
      >
        {pending && <Spinner size={13} />}
        {pending ? "Joining…" : `Join ${teamName}`}
      </Button>
    </div>
  );
}
