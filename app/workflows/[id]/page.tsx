import type { Metadata } from "next";
import { EditorClient } from "@/components/editor/editor-client";

export const metadata: Metadata = { title: "Editor" };

/** The editor is entirely client-side: the server page only passes the id along. */
export default async function WorkflowEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <EditorClient workflowId={decodeURIComponent(id)} />;
}
