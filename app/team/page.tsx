import type { Metadata } from "next";
import { TeamPageClient } from "@/components/team/team-page-client";
import { redirectByRole, siteOrigin } from "@/lib/auth/page-session";
import { loadTeamPageData } from "@/lib/auth/team";

export const metadata: Metadata = { title: "Team" };

/** Owners manage the team here; editors see it read-only; members are sent to /apps. */
export default async function TeamPage() {
  const session = await redirectByRole(["owner", "editor"], "/team");
  const [data, origin] = await Promise.all([loadTeamPageData(session.team.id), siteOrigin()]);
  return <TeamPageClient team={session.team} viewer={{ userId: session.user.id, role: session.role }} data={data} origin={origin} />;
}
