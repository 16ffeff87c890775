import { WorkflowList } from "@/components/workflows/workflow-list";
import { redirectByRole } from "@/lib/auth/page-session";

export const dynamic = "force-dynamic";

/** The workflow list: owners and editors (members are sent to their Apps, visitors to sign-in). */
export default async function HomePage() {
  await redirectByRole(["owner", "editor"], "/");
  return <WorkflowList />;
}
