"use client";

import { type FormEvent, useId, useState, useTransition } from "react";
import { requestBackInStockAction } from "@/app/(storefront)/products/[handle]/actions";

/** "Tell me when it's back": stores the request; the message is sent later. */
export function BackInStockForm({ variantId }: { variantId: string }) {
  const id = useId();
  const [isPending, startTransition] = useTransition();
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    startTransition(async () => {
      const result = await requestBackInStockAction({ variantId, email });
      if (result.ok) {
        setError(null);
        setDone(result.data.email);
      } else {
        setError(result.fields?.email?.[0] ?? result.message);
      }
    });
  }

  if (done) {
    return (
      <p role="status" className="mt-4 rounded-xl bg-brand-50 p-4 text-sm">
        Thanks. We’ll email {done} when it’s back in stock.
      </p>
    );
  }

  return (
    <form
      onSubmit={onSubmit}
      className="mt-4 rounded-xl bg-white p-4 shadow-sm"
      noValidate
    >
      <label htmlFor={id} className="block text-sm font-medium">
        Email me when it’s back
      </label>
      <div className="mt-2 flex gap-2">
        <input
          id={id}
          name="email"
          type="email"
          autoComplete="email"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-error`}
          className="min-h-11 min-w-0 flex-1 rounded-lg border border-black/15 bg-white px-3"
        />
        <button
          type="submit"
          disabled={isPending}
          className="min-h-11 shrink-0 rounded-lg bg-ink px-4 text-sm font-semibold text-white disabled:opacity-60"
        >
          {isPending ? "Saving…" : "Notify me"}
        </button>
      </div>
      <p
        id={`${id}-error`}
        role="alert"
        className="mt-1 text-sm text-red-700 empty:hidden"
      >
        {error}
      </p>
    </form>
  );
}
