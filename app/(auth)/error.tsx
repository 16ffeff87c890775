"use client";
import { AuthCard, FormError } from "@/components/auth/auth-card";
import { Button } from "@/components/ui/button";

/** A page of the sign-in flow failed to render (the database did not answer, most likely). */
export default function AuthError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <AuthCard title="Something went wrong" description="This page could not be loaded. The server may be starting or unreachable.">
      <FormError>Try again in a moment.</FormError>
      <Button variant="primary" className="mt-4 w-full justify-center" onClick={reset}>
        Try again
      </Button>
    </AuthCard>
  );
}
