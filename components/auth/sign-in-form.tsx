"use client";
import Link from "next/link";
import { useRef, useState, type FormEvent } from "react";
import { authClient, authErrorMessage } from "@/lib/client/auth-client";
import { Button } from "../ui/button";
import { Spinner } from "../ui/spinner";
import { goAfterSignIn } from "./after-sign-in";
import { FormError } from "./auth-card";
import { looksLikeEmail, TextField } from "./text-field";
import { useHydrated } from "./use-hydrated";

/**
 * Email and password; on success, goes to `next` or the role's home. The inputs are
 * uncontrolled (read on submit), so whatever was typed before hydration is kept.
 */
export function SignInForm({ next, initialEmail = "" }: { next: string | null; initialEmail?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setError(null);
    if (!email || !password) {
      setError("Enter your email and password");
      (email ? passwordRef : emailRef).current?.focus();
      return;
    }
    if (!looksLikeEmail(email)) {
      setError("Enter a valid email address");
      emailRef.current?.focus();
      return;
    }
    setPending(true);
    const { error: failure } = await authClient.signIn.email({ email, password });
    if (failure) {
      setPending(false);
      setError(authErrorMessage(failure));
      if (passwordRef.current) passwordRef.current.value = "";
      passwordRef.current?.focus();
      return;
    }
    await goAfterSignIn(next);
  };

  const signUpHref = next ? `/sign-up?next=${encodeURIComponent(next)}` : "/sign-up";
  return (
    <form onSubmit={submit} method="post" noValidate className="space-y-4" data-testid="sign-in-form">
      <TextField
        ref={emailRef}
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        autoFocus={!initialEmail}
        defaultValue={initialEmail}
        data-testid="sign-in-email"
      />
      <TextField
        ref={passwordRef}
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        autoFocus={!!initialEmail}
        data-testid="sign-in-password"
      />
      <FormError testId="sign-in-error">{error}</FormError>
      <Button
        type="submit"
        variant="primary"
        className="w-full justify-center"
        disabled={pending || !hydrated}
        data-testid="sign-in-submit"
      >
        {pending && <Spinner size={13} />}
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-center text-[12.5px] text-muted">
        New here?{" "}
        <Link href={signUpHref} className="font-medium text-accent hover:underline focus-visible:outline-2 focus-visible:outline-accent">
          Create an account
        </Link>
      </p>
    </form>
  );
}
