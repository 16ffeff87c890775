import type { Metadata } from "next";
import { AppPageClient } from "@/components/apps/app-page-client";
import { redirectByRole } from "@/lib/auth/page-session";

export const metadata: Metadata = { title: "App" };

/**
 * The App page is client-side (form, uploads, live runs): the server checks the session and
 * passes the slug along; the App itself comes from `GET /api/apps/:slug` (404 for another team's).
 */
export default async function AppPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await redirectByRole(["owner", "editor", "member"], `/apps/${slug}`);
  return <AppPageClient slug={decodeURIComponent(slug)} />;
}
