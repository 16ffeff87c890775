import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { findInvitationView, isFreshInstallation } from "@/lib/auth/invitations";
import { getPageSessionContext } from "@/lib/auth/page-session";
import { invitationIdFromPath, safeNextPath } from "@/lib/auth/paths";
import { homePathForRole, ROLE_LABELS } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = params.next ? safeNextPath(params.next) : null;
  const context = await getPageSessionContext();
  if (context) redirect(next ?? homePathForRole(context.role));

  const invitationId = next ? invitationIdFromPath(next) : null;
  const invitation = invitationId ? await findInvitationView(invitationId) : null;
  const joining = invitation?.state === "pending" ? invitation : null;
  const fresh = !joining && (await isFreshInstallation());

  return (
    <AuthCard
      title={joining ? `Join ${joining.team.name}` : fresh ? "Set up Workflow Studio" : "Create an account"}
      description={
        joining ? (
          <>
            {joining.inviterName} invited <span className="text-fg">{joining.email}</span> as {ROLE_LABELS[joining.role].toLowerCase()}. Create
            your account to accept.
          </>
        ) : fresh ? (
          "You are the first one here: your account will own the studio's team, and you can invite the others."
        ) : (
          "To join a team you will also need an invitation link from one of its owners."
        )
      }
    >
      <SignUpForm next={next} initialEmail={joining?.email} lockEmail={!!joining} />
    </AuthCard>
  );
}
