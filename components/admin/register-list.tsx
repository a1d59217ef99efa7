"use client";

import { type FormEvent, useState } from "react";
import {
  addRegisterAction,
  renameRegisterAction,
  setRegisterActiveAction,
  setRegisterPrinterAction,
  setRegisterReaderAction,
} from "@/app/(admin)/admin/locations/actions";
import { Field, FormMessage, INPUT_CLASS, SubmitButton } from "./form-controls";
import { useAction } from "./use-action";

interface RegisterRow {
  id: string;
  name: string;
  isActive: boolean;
  printerAddress?: string | null;
  terminalReaderId?: string | null;
}

/** The registers of a location: add, rename, take out of use or bring back. */
export function RegisterList({
  locationId,
  registers,
  canSellInStore,
}: {
  locationId: string;
  registers: RegisterRow[];
  canSellInStore: boolean;
}) {
  const add = useAction(addRegisterAction);

  async function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    const result = await add.run({ locationId, name });
    if (result.ok) form.reset();
  }

  return (
    <div className="space-y-4">
      {registers.length === 0 ? (
        <p className="text-sm text-slate-500">No registers yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {registers.map((register) => (
            <RegisterItem key={register.id} register={register} />
          ))}
        </ul>
      )}
      {canSellInStore ? (
        <form
          onSubmit={(e) => void onAdd(e)}
          noValidate
          className="flex flex-wrap items-end gap-3"
        >
          <div className="w-64">
            <Field label="New register" name="name" error={add.errorFor("name")}>
              {(p) => <input {...p} placeholder="Till 3" className={INPUT_CLASS} />}
            </Field>
          </div>
          <SubmitButton isPending={add.isPending} pendingLabel="Adding…">
            Add register
          </SubmitButton>
          <FormMessage
            error={add.failure && !add.failure.fields ? add.failure.message : null}
          />
        </form>
      ) : (
        <p className="text-sm text-slate-500">
          Turn on &ldquo;Sells at the counter&rdquo; to add registers.
        </p>
      )}
    </div>
  );
}

function RegisterItem({ register }: { register: RegisterRow }) {
  const rename = useAction(renameRegisterAction);
  const toggle = useAction(setRegisterActiveAction);
  const [isEditing, setIsEditing] = useState(false);

  async function onRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    const result = await rename.run({ registerId: register.id, name });
    if (result.ok) setIsEditing(false);
  }

  const error = rename.failure?.fields?.name?.join(" ") ?? rename.failure?.message;
  return (
    <li className="flex flex-wrap items-center gap-3 py-2">
      {isEditing ? (
        <form
          onSubmit={(e) => void onRename(e)}
          noValidate
          className="flex items-center gap-2"
        >
          <input
            name="name"
            defaultValue={register.name}
            aria-label={`New name for ${register.name}`}
            className={`${INPUT_CLASS} w-48`}
          />
          <SubmitButton isPending={rename.isPending}>Save</SubmitButton>
          <button
            type="button"
            onClick={() => setIsEditing(false)}
            className="min-h-11 px-2 text-sm"
          >
            Cancel
          </button>
        </form>
      ) : (
        <span
          className={`font-medium ${register.isActive ? "" : "text-slate-400 line-through"}`}
        >
          {register.name}
        </span>
      )}
      {!register.isActive && <span className="text-xs text-slate-500">Out of use</span>}
      <div className="ml-auto flex gap-2">
        {!isEditing && (
          <button
            type="button"
            onClick={() => setIsEditing(true)}
            className="min-h-11 rounded-lg border border-slate-300 px-3 text-sm"
          >
            Rename<span className="sr-only"> {register.name}</span>
          </button>
        )}
        <button
          type="button"
          disabled={toggle.isPending}
          onClick={() =>
            void toggle.run({ registerId: register.id, isActive: !register.isActive })
          }
          className="min-h-11 rounded-lg border border-slate-300 px-3 text-sm disabled:opacity-60"
        >
          {register.isActive ? "Take out of use" : "Bring back"}
          <span className="sr-only"> {register.name}</span>
        </button>
      </div>
      <RegisterPrinter register={register} />
      <RegisterReader register={register} />
      {(error || toggle.failure) && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error ?? toggle.failure?.message}
        </p>
      )}
    </li>
  );
}

/** The network receipt printer a register prints to (for tills on Safari). */
function RegisterPrinter({ register }: { register: RegisterRow }) {
  const save = useAction(setRegisterPrinterAction);
  const [saved, setSaved] = useState(false);
  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const printerAddress = String(new FormData(event.currentTarget).get("printer") ?? "");
    const result = await save.run({ registerId: register.id, printerAddress });
    if (result.ok) setSaved(true);
  }
  const error = save.failure?.fields?.printerAddress?.join(" ") ?? save.failure?.message;
  return (
    <form
      onSubmit={(e) => void onSave(e)}
      noValidate
      className="flex w-full items-center gap-2"
    >
      <label htmlFor={`printer-${register.id}`} className="text-sm text-slate-600">
        Network printer<span className="sr-only"> of {register.name}</span>
      </label>
      <input
        id={`printer-${register.id}`}
        name="printer"
        defaultValue={register.printerAddress ?? ""}
        placeholder="192.168.1.50:9100"
        className={`${INPUT_CLASS} w-48`}
      />
      <SubmitButton isPending={save.isPending}>Save</SubmitButton>
      {saved && <span className="text-sm text-slate-600">Saved</span>}
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </form>
  );
}

/** The Stripe Terminal reader a register takes cards on, while Stripe is set up. */
function RegisterReader({ register }: { register: RegisterRow }) {
  const save = useAction(setRegisterReaderAction);
  const [saved, setSaved] = useState(false);
  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    const terminalReaderId = String(form.get("reader") ?? "");
    const result = await save.run({ registerId: register.id, terminalReaderId });
    if (result.ok) setSaved(true);
  }
  const error =
    save.failure?.fields?.terminalReaderId?.join(" ") ?? save.failure?.message;
  return (
    <form
      onSubmit={(e) => void onSave(e)}
      noValidate
      className="flex w-full items-center gap-2"
    >
      <label htmlFor={`reader-${register.id}`} className="text-sm text-slate-600">
        Stripe card reader<span className="sr-only"> of {register.name}</span>
      </label>
      <input
        id={`reader-${register.id}`}
        name="reader"
        defaultValue={register.terminalReaderId ?? ""}
        placeholder="tmr_…"
        autoComplete="off"
        className={`${INPUT_CLASS} w-48 font-mono`}
      />
      <SubmitButton isPending={save.isPending}>Save</SubmitButton>
      {saved && <span className="text-sm text-slate-600">Saved</span>}
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </form>
  );
}
