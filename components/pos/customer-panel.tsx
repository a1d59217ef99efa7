"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  attachCustomerAction,
  createCustomerAction,
  findCustomersAction,
} from "@/app/(pos)/pos/actions";
import type { CartView } from "@/lib/checkout/cart-view";
import { callAction, PosActionError } from "./call-action";

/** The ticket's customer line: who is attached, with change and remove. */
export function TicketCustomer({
  ticket,
  whenSettled,
  onChoose,
}: {
  ticket: CartView;
  /** Resolves once the ticket's earlier changes are answered by the server. */
  whenSettled?: () => Promise<void>;
  onChoose: () => void;
}) {
  const queryClient = useQueryClient();
  const [isBusy, setIsBusy] = useState(false);
  async function detach() {
    setIsBusy(true);
    try {
      await whenSettled?.();
      const view = await callAction(attachCustomerAction, {
        cartId: ticket.id,
        customerId: null,
      });
      queryClient.setQueryData(["pos-ticket", view.id], view);
    } finally {
      setIsBusy(false);
    }
  }
  return (
    <div className="mt-3 flex items-center gap-2 text-sm">
      <span className="min-w-0 flex-1 truncate" data-testid="ticket-customer">
        {ticket.customerName ? `Customer: ${ticket.customerName}` : "No customer"}
      </span>
      {ticket.customerName && (
        <button
          type="button"
          disabled={isBusy}
          onClick={() => void detach()}
          className="min-h-11 px-2 underline disabled:opacity-40"
        >
          Remove customer
        </button>
      )}
      <button
        type="button"
        onClick={onChoose}
        className="min-h-11 rounded-lg border border-white/30 px-3 disabled:opacity-40"
      >
        {ticket.customerName ? "Change" : "Add customer"}
      </button>
    </div>
  );
}

/**
 * Finds a customer by name, email or phone, or signs a new one up, and
 * attaches them to the ticket, so the sale shows in their history.
 */
export function CustomerPanel({
  ticket,
  onClose,
}: {
  ticket: CartView;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [q, setQ] = useState("");
  const [isCreating, setIsCreating] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const matches = useQuery({
    queryKey: ["pos-customers", q],
    queryFn: () => callAction(findCustomersAction, { q }),
    enabled: q.length >= 2,
  });

  function done(view: CartView) {
    queryClient.setQueryData(["pos-ticket", view.id], view);
    onClose();
  }
  async function attach(customerId: string) {
    try {
      done(await callAction(attachCustomerAction, { cartId: ticket.id, customerId }));
    } catch (error) {
      setMessage(error instanceof Error ? error.message : "That did not work.");
    }
  }
  async function create(form: FormData) {
    setErrors({});
    setMessage(null);
    try {
      const view = await callAction(createCustomerAction, {
        cartId: ticket.id,
        customer: {
          firstName: String(form.get("firstName") ?? ""),
          lastName: String(form.get("lastName") ?? ""),
          email: String(form.get("email") ?? ""),
          phone: String(form.get("phone") ?? ""),
        },
      });
      done(view);
    } catch (error) {
      if (error instanceof PosActionError) setErrors(error.fields);
      setMessage(error instanceof Error ? error.message : "That did not work.");
    }
  }
  const field = (name: string, label: string, type = "text") => (
    <div>
      <label htmlFor={`customer-${name}`} className="block text-sm text-white/70">
        {label}
      </label>
      <input
        id={`customer-${name}`}
        name={name}
        type={type}
        autoComplete="off"
        aria-invalid={errors[name] ? true : undefined}
        className="mt-1 min-h-12 w-full rounded-xl bg-white px-3 text-ink"
      />
      {errors[name]?.[0] && (
        <p className="mt-1 text-sm text-red-300">{errors[name][0]}</p>
      )}
    </div>
  );

  return (
    <section aria-label="Customer" className="flex-1 overflow-y-auto p-4">
      <div className="flex items-center justify-between">
        <h2 className="text-lg font-bold">Customer</h2>
        <button type="button" onClick={onClose} className="min-h-11 px-2 underline">
          Back to the sale
        </button>
      </div>
      <div aria-live="polite">
        {message && (
          <p role="alert" className="mt-2 rounded-xl bg-amber-200 p-3 text-ink">
            {message}
          </p>
        )}
      </div>
      {isCreating ? (
        <form
          className="mt-3 space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            void create(new FormData(e.currentTarget));
          }}
        >
          {field("firstName", "First name")}
          {field("lastName", "Last name")}
          {field("email", "Email", "email")}
          {field("phone", "Phone", "tel")}
          <button
            type="submit"
            className="min-h-12 w-full rounded-xl bg-brand-500 font-bold"
          >
            Save and add to sale
          </button>
          <button
            type="button"
            onClick={() => setIsCreating(false)}
            className="min-h-11 w-full underline"
          >
            Search instead
          </button>
        </form>
      ) : (
        <>
          <label htmlFor="customer-search" className="mt-3 block text-sm text-white/70">
            Name, email or phone
          </label>
          <input
            id="customer-search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            inputMode="search"
            autoComplete="off"
            className="mt-1 min-h-12 w-full rounded-xl bg-white px-3 text-ink"
          />
          {matches.isFetching && <p className="mt-2 text-white/70">Looking up…</p>}
          {matches.data?.length === 0 && (
            <p className="mt-2 text-white/70">No customer matches “{q}”.</p>
          )}
          <ul className="mt-3 space-y-2">
            {matches.data?.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  onClick={() => void attach(c.id)}
                  className="min-h-12 w-full rounded-2xl bg-white p-3 text-left text-ink"
                >
                  <span className="block font-semibold">{c.name}</span>
                  <span className="block text-sm text-ink/60">
                    {[c.email, c.phone].filter(Boolean).join(" · ")} · {c.orderCount}{" "}
                    {c.orderCount === 1 ? "order" : "orders"}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            onClick={() => setIsCreating(true)}
            className="mt-4 min-h-12 w-full rounded-xl border border-white/30 font-semibold"
          >
            New customer
          </button>
        </>
      )}
    </section>
  );
}
