"use client";

import { type FormEvent, useState } from "react";
import {
  createApiKeyAction,
  revokeApiKeyAction,
} from "@/app/(admin)/admin/api-keys/actions";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { Field, FormMessage, INPUT_CLASS, SubmitButton } from "./form-controls";
import { useAction } from "./use-action";

/** Creates an API key and shows it once. */
export function NewApiKeyForm() {
  const create = useAction(createApiKeyAction);
  const [key, setKey] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setKey(null);
    const result = await create.run({
      name: String(data.get("name") ?? ""),
      scopes: data.getAll("scopes").map(String),
    });
    if (result.ok) {
      setKey(result.data.key);
      form.reset();
    }
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-4">
      <div className="max-w-md">
        <Field label="What the key is for" name="name" error={create.errorFor("name")}>
          {(p) => <input {...p} placeholder="ERP nightly sync" className={INPUT_CLASS} />}
        </Field>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Scopes</legend>
        <p className="text-xs text-slate-500">
          Give the key only what the integration needs.
        </p>
        <div className="mt-2 grid gap-x-4 sm:grid-cols-2 lg:grid-cols-3">
          {PERMISSIONS.map((permission) => (
            <label key={permission} className="flex min-h-11 items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="scopes"
                value={permission}
                className="size-5"
              />
              <span className="font-mono text-xs">{permission}</span>
            </label>
          ))}
        </div>
        {create.errorFor("scopes") && (
          <p className="text-sm text-red-700">{create.errorFor("scopes")}</p>
        )}
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton isPending={create.isPending} pendingLabel="Creating…">
          Create key
        </SubmitButton>
        <FormMessage error={create.failure?.fields ? null : create.failure?.message} />
      </div>
      {key && (
        <div
          role="status"
          className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm"
        >
          <p className="font-semibold">Copy the key now; it will not be shown again.</p>
          <code className="mt-2 block break-all font-mono">{key}</code>
        </div>
      )}
    </form>
  );
}

/** Revokes one key. */
export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const revoke = useAction(revokeApiKeyAction);
  return (
    <>
      <button
        type="button"
        disabled={revoke.isPending}
        onClick={() => void revoke.run({ id })}
        className="min-h-11 rounded-lg border border-red-300 px-3 text-sm text-red-700 disabled:opacity-60"
      >
        Revoke<span className="sr-only"> {name}</span>
      </button>
      {revoke.failure && <p className="text-sm text-red-700">{revoke.failure.message}</p>}
    </>
  );
}
