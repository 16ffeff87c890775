"use client";
import { AppHeader } from "@/components/app-header";
import { LoadError } from "@/components/ui/load-error";

export default function TeamError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex min-h-full flex-col">
      <AppHeader />
      <main className="mx-auto w-full max-w-[880px] flex-1 px-6 py-10">
        <LoadError title="Could not load the team" detail="The server did not answer. Try again in a moment." onRetry={reset} />
      </main>
    </div>
  );
}
