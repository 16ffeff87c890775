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

const MIN_PASSWORD_LENGTH = 8;

type FieldErrors = { name?: string; email?: string; password?: string };

/**
 * Name, email and password. The first account of an installation becomes the owner of its
 * first team and lands on `/`; an invited person goes back to the invitation (`next`).
 * The inputs are uncontrolled (read on submit), so whatever was typed before hydration is kept.
 */
export function SignUpForm({
  next,
  initialEmail = "",
  lockEmail = false,
  first = false,
}: {
  next: string | null;
  initialEmail?: string;
  lockEmail?: boolean;
  /** The installation's first account: there is no account yet to sign in with. */
  first?: boolean;
}) {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  const refs = {
    name: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "").trim();
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setError(null);
    const errors: FieldErrors = {};
    if (!name) errors.name = "Enter your name";
    if (!looksLikeEmail(email)) errors.email = "Enter a valid email address";
    if (password.length < MIN_PASSWORD_LENGTH) errors.password = "Password must be at least 8 characters";
    setFieldErrors(errors);
    const firstInvalid = (["name", "email", "password"] as const).find((field) => errors[field]);
    if (firstInvalid) {
      refs[firstInvalid].current?.focus();
      return;
    }

    setPending(true);
    const { error: failure } = await authClient.signUp.email({ name, email, password });
    if (failure) {
      setPending(false);
      setError(authErrorMessage(failure));
      return;
    }
    await goAfterSignIn(next);
  };

  const clearError = (field: keyof FieldErrors) => () => {
    if (fieldErrors[field]) setFieldErrors((previous) => ({ ...previous, [field]: undefined }));
  };

  const signInHref = next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in";
  return (
    <form onSubmit={submit} method="post" noValidate className="space-y-4" data-testid="sign-up-form">
      <TextField
        ref={refs.name}
        label="Name"
        name="name"
        autoComplete="name"
        required
        autoFocus
        maxLength={100}
        error={fieldErrors.name}
        onChange={clearError("name")}
        data-testid="sign-up-name"
      />
      <TextField
        ref={refs.email}
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        readOnly={lockEmail}
        defaultValue={initialEmail}
        hint={lockEmail ? "The invitation was sent to this address" : undefined}
        error={fieldErrors.email}
        onChange={clearError("email")}
        data-testid="sign-up-email"
      />
      <TextField
        ref={refs.password}
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        hint="At least 8 characters"
        error={fieldErrors.password}
        onChange={clearError("password")}
        data-testid="sign-up-password"
      />
      <FormError testId="sign-up-error">{error}</FormError>
      <Button
        type="submit"
        variant="primary"
        className="w-full justify-center"
        disabled={pending || !hydrated}
        data-testid="sign-up-submit"
      >
        {pending && <Spinner size={13} />}
        {pending ? "Creating your account…" : "Create account"}
      </Button>
      {!first && (
        <p className="text-center text-[12.5px] text-muted">
          Already have an account?{" "}
          <Link href={signInHref} className="font-medium text-accent hover:underline focus-visible:outline-2 focus-visible:outline-accent">
            Sign in
          </Link>
        </p>
      )}
    </form>
  );
}
