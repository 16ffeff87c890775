import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { redirect } from "next/navigation";
import { resolveAuthPageContext } from "@/lib/auth/auth-page-context";
import { isFreshInstallation } from "@/lib/auth/invitations";
import { ROLE_LABELS } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Sign in" };

/**
 * Sign in; an invitation's email is filled in. Before any account exists there is nobody to
 * welcome back: the first visitor is sent to create the first account (it owns the team).
 */
export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next, joining } = await resolveAuthPageContext(searchParams);
  if (!joining && (await isFreshInstallation())) redirect(next && next !== "/" ? `/sign-up?next=${encodeURIComponent(next)}` : "/sign-up");

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
