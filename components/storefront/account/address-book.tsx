"use client";

import { type FormEvent, useState, useTransition } from "react";
import {
  deleteAddressAction,
  saveAddressAction,
} from "@/app/(storefront)/account/actions";
import { Field } from "./field";

export interface SavedAddress {
  id: string;
  label: string;
  name: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  phone: string;
  isDefault: boolean;
}

const EMPTY: SavedAddress = {
  id: "",
  label: "",
  name: "",
  line1: "",
  line2: "",
  city: "",
  region: "",
  postalCode: "",
  country: "GB",
  phone: "",
  isDefault: false,
};

/** The shopper's saved addresses, with a form to add or change one. */
export function AddressBook({ addresses }: { addresses: SavedAddress[] }) {
  const [editing, setEditing] = useState<SavedAddress | null>(null);
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);

  function onDelete(address: SavedAddress) {
    startTransition(async () => {
      const result = await deleteAddressAction({ addressId: address.id });
      setMessage(result.ok ? "Address removed." : result.message);
    });
  }

  return (
    <div className="mt-4 space-y-3">
      {addresses.length === 0 && !editing && (
        <p className="text-sm text-ink/70">No saved addresses yet.</p>
      )}
      <ul className="grid gap-3 sm:grid-cols-2">
        {addresses.map((address) => (
          <li key={address.id} className="rounded-xl bg-white p-4 text-sm shadow-sm">
            <p className="font-medium">
              {address.label || address.name}
              {address.isDefault && (
                <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-700">
                  Default
                </span>
              )}
            </p>
            <address className="mt-1 not-italic text-ink/70">
              {[
                address.name,
                address.line1,
                address.line2,
                address.city,
                address.postalCode,
              ]
                .filter(Boolean)
                .join(", ")}
            </address>
            <div className="mt-2 flex gap-2">
              <button
                type="button"
                onClick={() => setEditing(address)}
                className="inline-flex min-h-11 items-center px-2 underline"
                aria-label={`Edit ${address.label || address.line1}`}
              >
                Edit
              </button>
              <button
                type="button"
                disabled={isPending}
                onClick={() => onDelete(address)}
                className="inline-flex min-h-11 items-center px-2 text-red-700 underline"
                aria-label={`Remove ${address.label || address.line1}`}
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ul>
      <p role="status" className="text-sm empty:hidden">
        {message}
      </p>
      {editing ? (
        <AddressForm
          key={editing.id || "new"}
          address={editing}
          onDone={(text) => {
            setEditing(null);
            setMessage(text);
          }}
        />
      ) : (
        <button
          type="button"
          onClick={() => setEditing(EMPTY)}
          className="min-h-11 rounded-lg border border-ink px-4 text-sm font-medium"
        >
          Add an address
        </button>
      )}
    </div>
  );
}

function AddressForm({
  address,
  onDone,
}: {
  address: SavedAddress;
  onDone: (message: string) => void;
}) {
  const [isPending, startTransition] = useTransition();
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (key: string) => String(form.get(key) ?? "");
    startTransition(async () => {
      const result = await saveAddressAction({
        id: address.id || undefined,
        label: text("label"),
        name: text("name"),
        line1: text("line1"),
        line2: text("line2"),
        city: text("city"),
        postalCode: text("postalCode"),
        country: text("country") || "GB",
        phone: text("phone"),
        isDefault: form.get("isDefault") === "on",
      });
      if (result.ok) {
        onDone(address.id ? "Address saved." : "Address added.");
      } else {
        setFields(result.fields ?? {});
        setError(result.message);
      }
    });
  }

  return (
    <form
      onSubmit={onSubmit}
      aria-label={address.id ? "Edit address" : "New address"}
      className="space-y-4 rounded-xl bg-white p-4 shadow-sm"
      noValidate
    >
      <Field
        label="Label (optional, e.g. Home)"
        name="label"
        defaultValue={address.label}
      />
      <Field
        label="Full name"
        name="name"
        autoComplete="name"
        defaultValue={address.name}
        error={fields.name?.[0]}
      />
      <Field
        label="Address line 1"
        name="line1"
        autoComplete="address-line1"
        defaultValue={address.line1}
        error={fields.line1?.[0]}
      />
      <Field
        label="Address line 2 (optional)"
        name="line2"
        autoComplete="address-line2"
        defaultValue={address.line2}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Town or city"
          name="city"
          autoComplete="address-level2"
          defaultValue={address.city}
          error={fields.city?.[0]}
        />
        <Field
          label="Postcode"
          name="postalCode"
          autoComplete="postal-code"
          defaultValue={address.postalCode}
          error={fields.postalCode?.[0]}
        />
      </div>
      <input type="hidden" name="country" value={address.country || "GB"} />
      <Field
        label="Phone for the courier (optional)"
        name="phone"
        type="tel"
        autoComplete="tel"
        defaultValue={address.phone}
        error={fields.phone?.[0]}
      />
      <label className="flex min-h-11 items-center gap-3 text-sm">
        <input
          type="checkbox"
          name="isDefault"
          defaultChecked={address.isDefault}
          className="size-5 accent-brand-600"
        />
        Use as my default address
      </label>
      <p role="alert" className="text-sm text-red-700 empty:hidden">
        {error}
      </p>
      <div className="flex gap-3">
        <button
          type="submit"
          disabled={isPending}
          className="min-h-11 rounded-lg bg-ink px-5 font-semibold text-white disabled:opacity-60"
        >
          {isPending ? "Saving…" : "Save address"}
        </button>
        <button
          type="button"
          onClick={() => onDone("")}
          className="min-h-11 rounded-lg px-4 underline"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
