import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { isFreshInstallation } from "@/lib/auth/invitations";
import { resolveAuthPageContext } from "@/lib/auth/auth-page-context";
import { ROLE_LABELS } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next, joining } = await resolveAuthPageContext(searchParams);
  const fresh = !joining && (await isFreshInstallation());

  return (
    <AuthCard
      title={joining ? `Join ${joining.team.name}` : fresh ? "Create the first account" : "Create an account"}
      description={
        joining ? (
          <>
            {joining.inviterName} invited <span className="text-fg">{joining.email}</span> as {ROLE_LABELS[joining.role].toLowerCase()}.
            Create your account to accept.
          </>
        ) : fresh ? (
          "You are the first one here: your account will own the studio's team, and you can invite the others."
        ) : (
          "To join a team you will also need an invitation link from one of its owners."
        )
      }
    >
      <SignUpForm next={next} initialEmail={joining?.email} lockEmail={!!joining} first={fresh} />
    </AuthCard>
  );
}
