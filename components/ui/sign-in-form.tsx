"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";

/**
 * Words for the code next-auth hands back from a refused sign-in; a lockout
 * ("rate_limited:<seconds>") says when to try again, in the person's own
 * clock.
 */
export function signInErrorMessage(code: string, now = new Date()): string {
  const lockout = /^rate_limited:(\d+)$/.exec(code);
  if (lockout) {
    const seconds = Number(lockout[1]);
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    const at = new Date(now.getTime() + seconds * 1000).toLocaleTimeString(undefined, {
      hour: "2-digit",
      minute: "2-digit",
    });
    const wait = minutes === 1 ? "1 minute" : `${minutes} minutes`;
    return `Too many sign-in attempts. Try again at ${at} (in ${wait}).`;
  }
  if (code === "invalid_input") return "Enter your email address and password.";
  return "The email or password is not right.";
}

/** Email and password form for one of the credential providers. */
export function SignInForm({
  provider,
  callbackUrl,
}: {
  provider: "staff" | "customer";
  callbackUrl: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsPending(true);
    setError(null);
    const result = await signIn(provider, {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setIsPending(false);
    if (!result || result.error) {
      setError(signInErrorMessage(result?.error ?? ""));
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
      <label className="block">
        <span className="mb-1 block text-sm font-medium">Email</span>
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          className="min-h-11 w-full rounded-lg border border-black/15 bg-white px-3"
        />
      </label>
      <label className="block">
        <span className="mb-1 block text-sm font-medium">Password</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="min-h-11 w-full rounded-lg border border-black/15 bg-white px-3"
        />
      </label>
      <p role="alert" aria-live="assertive" className="min-h-5 text-sm text-red-700">
        {error}
      </p>
      <button
        type="submit"
        disabled={isPending}
        className="min-h-11 w-full rounded-lg bg-brand-600 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {isPending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
