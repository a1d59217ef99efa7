"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState, useTransition } from "react";
import { signUpAction } from "@/app/(storefront)/account/actions";
import { Field } from "./field";

/** Opens an account, then signs the shopper straight in. */
export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    startTransition(async () => {
      const result = await signUpAction({
        firstName: String(form.get("firstName") ?? ""),
        lastName: String(form.get("lastName") ?? ""),
        email,
        password,
        marketingOptIn: form.get("marketingOptIn") === "on",
      });
      if (!result.ok) {
        setFields(result.fields ?? {});
        setError(result.message);
        return;
      }
      if (result.data.status === "confirm_by_email") {
        setSentTo(result.data.email);
        return;
      }
      const signedIn = await signIn("customer", { email, password, redirect: false });
      if (!signedIn || signedIn.error) {
        router.replace("/account/sign-in");
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    });
  }

  if (sentTo) {
    return (
      <p role="status" className="rounded-xl bg-brand-50 p-4">
        We already know {sentTo} from an earlier order. To keep that order history
        private, we’ve emailed a link to confirm it’s you and set your password.
      </p>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="First name"
          name="firstName"
          autoComplete="given-name"
          error={fields.firstName?.[0]}
        />
        <Field
          label="Last name"
          name="lastName"
          autoComplete="family-name"
          error={fields.lastName?.[0]}
        />
      </div>
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        error={fields.email?.[0]}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters, not a common password."
        error={fields.password?.[0]}
      />
      <label className="flex min-h-11 items-center gap-3 text-sm">
        <input
          type="checkbox"
          name="marketingOptIn"
          className="size-5 accent-brand-600"
        />
        Email me about new arrivals and offers
      </label>
      <p role="alert" className="min-h-5 text-sm text-red-700">
        {error}
      </p>
      <button
        type="submit"
        disabled={isPending}
        className="min-h-11 w-full rounded-lg bg-brand-600 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {isPending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
