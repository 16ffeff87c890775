import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AcceptInvitation } from "@/components/auth/accept-invitation";
import { AuthCard } from "@/components/auth/auth-card";
import { RoleBadge } from "@/components/auth/role-badge";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { findInvitationView, isTeamMember, type InvitationView } from "@/lib/auth/invitations";
import { getPageSessionContext } from "@/lib/auth/page-session";
import { signInPath } from "@/lib/auth/paths";
import { homePathForRole, ROLE_DESCRIPTIONS } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Invitation" };

const linkButton =
  "inline-flex h-8 w-full items-center justify-center rounded-md px-3 text-[13px] font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent";

function Summary({ invitation }: { invitation: InvitationView }) {
  return (
    <dl
      className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-lg border border-line bg-panel-2 px-4 py-3 text-[13px]"
      data-testid="invitation-summary"
    >
      <dt className="text-muted">Team</dt>
      <dd className="font-medium" data-testid="invitation-team">
        {invitation.team.name}
      </dd>
      <dt className="text-muted">Role</dt>
      <dd className="flex items-center gap-2">
        <RoleBadge role={invitation.role} />
        <span className="text-[12px] text-faint">{ROLE_DESCRIPTIONS[invitation.role]}</span>
      </dd>
      <dt className="text-muted">For</dt>
      <dd className="truncate">{invitation.email}</dd>
    </dl>
  );
}

function Ended({ title, children }: { title: string; children: ReactNode }) {
  return (
    <AuthCard title={title} description={children}>
      <Link href="/" className={`${linkButton} border border-line-strong bg-panel-2 text-fg hover:bg-panel-3`}>
        Go to Workflow Studio
      </Link>
    </AuthCard>
  );
}

/** `/invite/<id>`: who invites whom to which team and role, and how to accept. */
export default async function InvitePage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  const id = decodeURIComponent(rawId);
  const here = `/invite/${encodeURIComponent(id)}`;
  const [invitation, context] = await Promise.all([findInvitationView(id), getPageSessionContext()]);

  if (!invitation) {
    return (
      <Ended title="This invitation link is not valid">Check that you copied the whole link, or ask a team owner for a new one.</Ended>
    );
  }
  if (invitation.state === "accepted") {
    return (
      <Ended title="This invitation was already used">
        Each link lets one person join {invitation.team.name} once. If that was you, sign in to continue.
      </Ended>
    );
  }
  if (invitation.state === "revoked") {
    return <Ended title="This invitation was revoked">Ask an owner of {invitation.team.name} for a new link.</Ended>;
  }
  if (invitation.state === "expired") {
    return (
      <Ended title="This invitation has expired">
        Invitation links are valid for 7 days. Ask {invitation.inviterName} or another owner of {invitation.team.name} for a new one.
      </Ended>
    );
  }

  const description = (
    <>
      {invitation.inviterName} invited you to join <span className="text-fg">{invitation.team.name}</span> in Workflow Studio.
    </>
  );

  if (!context) {
    return (
      <AuthCard title={`Join ${invitation.team.name}`} description={description}>
        <Summary invitation={invitation} />
        <div className="mt-5 space-y-2">
          <Link
            href={`/sign-up?next=${encodeURIComponent(here)}`}
            data-testid="invite-sign-up"
            className={`${linkButton} bg-accent-strong text-white hover:bg-accent`}
          >
            Create an account
          </Link>
          <Link
            href={signInPath(here)}
            data-testid="invite-sign-in"
            className={`${linkButton} border border-line-strong bg-panel-2 text-fg hover:bg-panel-3`}
          >
            I already have an account
          </Link>
        </div>
      </AuthCard>
    );
  }

  if (context.user.email.toLowerCase() !== invitation.email.toLowerCase()) {
    return (
      <AuthCard title={`Join ${invitation.team.name}`} description={description}>
        <Summary invitation={invitation} />
        <p
          role="alert"
          className="mt-4 rounded-md border border-warn/30 bg-warn/10 px-3 py-2 text-[12.5px] text-warn"
          data-testid="invite-wrong-account"
        >
          You are signed in as {context.user.email}, but this invitation is for {invitation.email}. Sign out, then sign in or create an
          account with that email.
        </p>
        <div className="mt-4 flex justify-end">
          <SignOutButton then={signInPath(here)}>Sign out and switch account</SignOutButton>
        </div>
      </AuthCard>
    );
  }

  if (await isTeamMember(context.user.id, invitation.team.id)) {
    return (
      <AuthCard title={`You are already in ${invitation.team.name}`} description="Nothing to do here.">
        <Link href={homePathForRole(context.role)} className={`${linkButton} bg-accent-strong text-white hover:bg-accent`}>
          Continue
        </Link>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={`Join ${invitation.team.name}`} description={description}>
      <Summary invitation={invitation} />
      <div className="mt-5">
        <AcceptInvitation invitationId={invitation.id} teamName={invitation.team.name} role={invitation.role} />
      </div>
    </AuthCard>
  );
}
