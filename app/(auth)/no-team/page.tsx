import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { requirePageSession } from "@/lib/auth/page-session";
import { homePathForRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "No team yet" };

/** Where a signed-in user without a team lands: teams are joined through invitation links. */
export default async function NoTeamPage() {
  const context = await requirePageSession("/no-team");
  if (context.team) redirect(homePathForRole(context.role));

  return (
    <AuthCard
      title="Ask a team owner for an invitation link"
      description={
        <>
          You are signed in as <span className="text-fg">{context.user.email}</span>, but you are not in a team yet. A team owner can create
          an invitation link for this email on their Team page; open it while signed in to join.
        </>
      }
      footer={
        <div className="flex items-center justify-between gap-3">
          <span>Wrong account?</span>
          <SignOutButton />
        </div>
      }
    />
  );
}
