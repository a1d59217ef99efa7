"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState, useTransition } from "react";
import { confirmAccountAction } from "@/app/(storefront)/account/actions";
import { Field } from "./field";

/** Sets the password from an emailed link, then signs the shopper in. */
export function ConfirmAccountForm({ token }: { token: string }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    startTransition(async () => {
      const result = await confirmAccountAction({ token, password });
      if (!result.ok) {
        setError(result.fields?.password?.[0] ?? result.message);
        return;
      }
      await signIn("customer", { email: result.data.email, password, redirect: false });
      router.replace("/account");
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field
        label="Choose a password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters, not a common password."
        error={error ?? undefined}
      />
      <button
        type="submit"
        disabled={isPending}
        className="min-h-11 w-full rounded-lg bg-brand-600 font-semibold text-white disabled:opacity-60"
      >
        {isPending ? "Saving…" : "Confirm and sign in"}
      </button>
    </form>
  );
}
