import type { Metadata } from "next";
import { EditorClient } from "@/components/editor/editor-client";
import { redirectByRole } from "@/lib/auth/page-session";

export const metadata: Metadata = { title: "Editor" };
export const dynamic = "force-dynamic";

/**
 * The editor is client-side; the server page checks who may see it (owners and editors;
 * members are sent to their Apps, visitors to sign-in) and passes the id along.
 */
export default async function WorkflowEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await redirectByRole(["owner", "editor"], `/workflows/${id}`);
  return <EditorClient workflowId={decodeURIComponent(id)} />;
}
