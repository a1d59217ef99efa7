"use client";

import { type FormEvent, useId, useState } from "react";
import { emailReceiptAction } from "@/app/(pos)/pos/actions";
import { ReceiptEmailSchema } from "@/lib/email/receipt-email-schema";
import { callAction } from "./call-action";

type State =
  | { kind: "idle" }
  | { kind: "sending" }
  | { kind: "queued"; text: string }
  | { kind: "refused"; text: string };

/**
 * "Email the receipt" at the end of a sale: the attached customer's address
 * is filled in, any other can be typed. The till answers as soon as the
 * request is saved; the email goes out in the background.
 */
export function EmailReceiptForm({
  orderNumber,
  suggestedEmail,
}: {
  orderNumber: string;
  suggestedEmail: string | null;
}) {
  const [email, setEmail] = useState(suggestedEmail ?? "");
  const [state, setState] = useState<State>({ kind: "idle" });
  const inputId = useId();
  const messageId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ReceiptEmailSchema.safeParse({ orderNumber, email });
    if (!parsed.success) {
      const issue = parsed.error.issues.find((i) => i.path[0] === "email");
      setState({ kind: "refused", text: issue?.message ?? "Check the email address." });
      return;
    }
    setState({ kind: "sending" });
    try {
      const done = await callAction(emailReceiptAction, parsed.data);
      setState({
        kind: "queued",
        text: done.isSendingConfigured
          ? `Receipt on its way to ${done.email}.`
          : `Receipt saved for ${done.email}. Email is not set up for this shop yet, ` +
            "so it waits in the back-office.",
      });
    } catch (error) {
      setState({
        kind: "refused",
        text: error instanceof Error ? error.message : "The receipt was not emailed.",
      });
    }
  }

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="Email the receipt"
      className="mt-3 flex flex-wrap items-end gap-2"
    >
      <label htmlFor={inputId} className="w-full text-sm text-white/80">
        Email the receipt
      </label>
      <input
        id={inputId}
        type="email"
        inputMode="email"
        autoComplete="off"
        value={email}
        onChange={(event) => {
          setEmail(event.target.value);
          if (state.kind === "refused") setState({ kind: "idle" });
        }}
        placeholder="name@example.com"
        aria-invalid={state.kind === "refused"}
        aria-describedby={messageId}
        className="min-h-12 min-w-0 flex-1 rounded-xl bg-white px-3 text-ink"
      />
      <button
        type="submit"
        disabled={state.kind === "sending"}
        className="min-h-12 rounded-xl bg-white/10 px-4 font-semibold disabled:opacity-60"
      >
        {state.kind === "sending" ? "Sending…" : "Email receipt"}
      </button>
      <p
        id={messageId}
        aria-live="polite"
        data-testid="email-receipt-status"
        className={`w-full text-sm ${state.kind === "refused" ? "text-amber-300" : "text-white/80"}`}
      >
        {state.kind === "queued" || state.kind === "refused" ? state.text : ""}
      </p>
    </form>
  );
}
