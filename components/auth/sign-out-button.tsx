"use client";
import { useState } from "react";
import { Button, type ButtonProps } from "../ui/button";
import { Spinner } from "../ui/spinner";
import { signOutAndLeave } from "./sign-out";

/** Signs out and goes to `then` (default the sign-in page); says so when it fails. */
export function SignOutButton({ children = "Sign out", then, ...props }: ButtonProps & { then?: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      {error && (
        <span role="alert" className="text-[12px] text-bad">
          {error}
        </span>
      )}
      <Button
        size="sm"
        data-testid="sign-out"
        {...props}
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(null);
          const failure = await signOutAndLeave(then);
          if (failure) {
            setError(failure);
            setPending(false);
          }
        }}
      >
        {pending && <Spinner size={12} />}
        {children}
      </Button>
    </span>
  );
}
