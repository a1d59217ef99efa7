"use client";

import { type FormEvent, useState, useTransition } from "react";
import { updateProfileAction } from "@/app/(storefront)/account/actions";
import { Field } from "./field";

interface Profile {
  firstName: string;
  lastName: string;
  phone: string;
  marketingOptIn: boolean;
}

/** The shopper's name, phone and whether they want our emails. */
export function ProfileForm({ profile }: { profile: Profile }) {
  const [isPending, startTransition] = useTransition();
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await updateProfileAction({
        firstName: String(form.get("firstName") ?? ""),
        lastName: String(form.get("lastName") ?? ""),
        phone: String(form.get("phone") ?? ""),
        marketingOptIn: form.get("marketingOptIn") === "on",
      });
      setFields(result.ok ? {} : (result.fields ?? {}));
      setMessage(result.ok ? "Saved." : result.message);
    });
  }

  return (
    <form
      onSubmit={onSubmit}
      className="mt-4 space-y-4 rounded-xl bg-white p-4 shadow-sm"
      noValidate
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="First name"
          name="firstName"
          autoComplete="given-name"
          defaultValue={profile.firstName}
          error={fields.firstName?.[0]}
        />
        <Field
          label="Last name"
          name="lastName"
          autoComplete="family-name"
          defaultValue={profile.lastName}
          error={fields.lastName?.[0]}
        />
      </div>
      <Field
        label="Phone (optional)"
        name="phone"
        type="tel"
        autoComplete="tel"
        defaultValue={profile.phone}
        error={fields.phone?.[0]}
      />
      <label className="flex min-h-11 items-center gap-3 text-sm">
        <input
          type="checkbox"
          name="marketingOptIn"
          defaultChecked={profile.marketingOptIn}
          className="size-5 accent-brand-600"
        />
        Email me about new arrivals and offers
      </label>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={isPending}
          className="min-h-11 rounded-lg bg-ink px-5 font-semibold text-white disabled:opacity-60"
        >
          {isPending ? "Saving…" : "Save details"}
        </button>
        <p role="status" className="text-sm">
          {message}
        </p>
      </div>
    </form>
  );
}
