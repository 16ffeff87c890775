import type { Metadata } from "next";
import { AppsHome } from "@/components/apps/apps-home";
import { redirectByRole } from "@/lib/auth/page-session";

export const metadata: Metadata = { title: "Apps" };

/** The Apps home: every role sees it; members land here after signing in. */
export default async function AppsPage() {
  await redirectByRole(["owner", "editor", "member"], "/apps");
  return <AppsHome />;
}
