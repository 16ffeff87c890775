"use client";
import { AppHeader } from "@/components/app-header";
import { Button } from "@/components/ui/button";
import { AlertIcon } from "@/components/ui/icons";

export default function TeamError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex min-h-full flex-col">
      <AppHeader />
      <main className="mx-auto w-full max-w-[880px] flex-1 px-6 py-10">
        <div role="alert" className="flex flex-col items-center gap-3 rounded-lg border border-bad/40 bg-bad-soft px-6 py-10 text-center">
          <AlertIcon size={22} className="text-bad" />
          <div>
            <p className="font-medium">Could not load the team</p>
            <p className="mt-1 text-[12.5px] text-muted">The server did not answer. Try again in a moment.</p>
          </div>
          <Button onClick={reset}>Try again</Button>
        </div>
      </main>
    </div>
  );
}
