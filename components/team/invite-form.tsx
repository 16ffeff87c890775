"use client";
import { useEffect, useState, type FormEvent } from "react";
import { isTeamRole, ROLE_DESCRIPTIONS, ROLE_LABELS, TEAM_ROLES, type TeamRole } from "@/lib/auth/roles";
import { authClient, authErrorDetails, authErrorMessage } from "@/lib/client/auth-client";
import { ErrorDetails } from "../ui/error-details";
import { FormError } from "../auth/auth-card";
import { RoleBadge } from "../auth/role-badge";
import { looksLikeEmail } from "../auth/text-field";
import { useHydrated } from "../auth/use-hydrated";
import { Button } from "../ui/button";
import { PlusIcon } from "../ui/icons";
import { Spinner } from "../ui/spinner";
import { CopyButton } from "./copy-button";
import { invitationLink } from "./invitation-link";

interface Created {
  id: string;
  email: string;
  role: TeamRole;
  link: string;
}

/**
 * Owners create an invitation link for an email and a role. Nothing is emailed: the link
 * appears here with a Copy button (and stays in "Pending invitations").
 */
export function InviteForm({ origin, revokedIds, onInvited }: { origin: string; revokedIds: ReadonlySet<string>; onInvited: () => void }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errorDetails, setErrorDetails] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const hydrated = useHydrated();
  // An error about a pending invitation is out of date once one is revoked.
  useEffect(() => setError(null), [revokedIds]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const email = String(form.get("email") ?? "").trim();
    const role = String(form.get("role") ?? "");
    setError(null);
    setErrorDetails(null);
    setCreated(null);
    if (!looksLikeEmail(email)) {
      setError("Enter the email address of the person to invite");
      return;
    }
    if (!isTeamRole(role)) {
      setError("Choose a role");
      return;
    }
    setPending(true);
    const { data, error: failure } = await authClient.organization.inviteMember({ email, role });
    setPending(false);
    if (failure || !data) {
      setError(authErrorMessage(failure, "Could not create the invitation. Try again."));
      setErrorDetails(authErrorDetails(failure));
      return;
    }
    setCreated({ id: data.id, email: data.email, role, link: invitationLink(origin, data.id) });
    formElement.reset();
    onInvited();
  };

  return (
    <section aria-labelledby="invite-heading" className="rounded-lg border border-line bg-panel p-4">
      <h2 id="invite-heading" className="text-[14px] font-semibold">
        Invite someone
      </h2>
      <p className="mt-0.5 text-[12.5px] text-muted">
        Create a link for their email address and send it to them yourself. It works once, for 7 days.
      </p>
      <form onSubmit={submit} method="post" noValidate className="mt-3 flex flex-wrap items-end gap-2" data-testid="invite-form">
        <div className="min-w-[220px] flex-1">
          <label htmlFor="invite-email" className="mb-1 block text-[12px] font-medium text-muted">
            Email
          </label>
          <input
            id="invite-email"
            type="email"
            autoComplete="off"
            name="email"
            placeholder="name@example.com"
            data-testid="invite-email"
            className="h-8 w-full rounded-md border border-line-strong bg-canvas px-2.5 text-[13px] outline-none placeholder:text-faint focus:border-accent"
          />
        </div>
        <div>
          <label htmlFor="invite-role" className="mb-1 block text-[12px] font-medium text-muted">
            Role
          </label>
          <select
            id="invite-role"
            name="role"
            defaultValue="member"
            data-testid="invite-role"
            aria-describedby="invite-roles-help"
            className="h-8 w-[130px] rounded-md border border-line-strong bg-canvas px-2 text-[13px] outline-none focus:border-accent"
          >
            {TEAM_ROLES.map((value) => (
              <option key={value} value={value}>
                {ROLE_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="primary" disabled={pending || !hydrated} data-testid="invite-submit">
          {pending ? <Spinner size={12} /> : <PlusIcon size={14} />}
          Create invitation link
        </Button>
      </form>
      <p id="invite-roles-help" className="mt-2 text-[12px] text-faint">
        {TEAM_ROLES.map((value, index) => (
          <span key={value}>
            {index > 0 && " · "}
            <span className="text-muted">{ROLE_LABELS[value]}</span>: {ROLE_DESCRIPTIONS[value].toLowerCase()}
          </span>
        ))}
      </p>
      {error && (
        <div className="mt-3">
          <FormError testId="invite-error">{error}</FormError>
          <ErrorDetails details={errorDetails} />
        </div>
      )}
      {created && !revokedIds.has(created.id) && (
        <div className="mt-3 rounded-md border border-ok/30 bg-ok/10 p-3" data-testid="invite-created">
          <p className="text-[12.5px] text-fg">
            Invitation link for <span className="font-medium">{created.email}</span> as{" "}
            <RoleBadge role={created.role} className="ml-0.5 align-middle" />
            <span className="text-muted"> · send it to them; it works once, for 7 days.</span>
          </p>
          <div className="mt-2 flex items-center gap-2">
            <label htmlFor="invite-link" className="sr-only">
              Invitation link
            </label>
            <input
              id="invite-link"
              readOnly
              value={created.link}
              onFocus={(event) => event.currentTarget.select()}
              data-testid="invite-link"
              className="h-8 min-w-0 flex-1 rounded-md border border-line-strong bg-canvas px-2.5 font-mono text-[12px] text-muted outline-none focus:border-accent"
            />
            <CopyButton text={created.link} data-testid="invite-copy" label="Copy link" />
          </div>
        </div>
      )}
    </section>
  );
}
