import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { findInvitationView } from "@/lib/auth/invitations";
import { getPageSessionContext } from "@/lib/auth/page-session";
import { invitationIdFromPath, safeNextPath } from "@/lib/auth/paths";
import { homePathForRole, ROLE_LABELS } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = params.next ? safeNextPath(params.next) : null;
  const context = await getPageSessionContext();
  if (context) redirect(next ?? homePathForRole(context.role));

  const invitationId = next ? invitationIdFromPath(next) : null;
  const invitation = invitationId ? await findInvitationView(invitationId) : null;
  const joining = invitation?.state === "pending" ? invitation : null;

  return (
    <AuthCard
      title={joining ? `Sign in to join ${joining.team.name}` : "Sign in"}
      description={
        joining ? (
          <>
            Use the account of <span className="text-fg">{joining.email}</span> to join as {ROLE_LABELS[joining.role].toLowerCase()}.
          </>
        ) : (
          "Welcome back to Workflow Studio."
        )
      }
    >
      <SignInForm next={next} initialEmail={joining?.email} />
    </AuthCard>
  );
}
