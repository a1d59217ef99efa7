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
  return (
    <RegisterSetting
      id={`printer-${register.id}`}
      label="Network printer"
      registerName={register.name}
      defaultValue={register.printerAddress ?? ""}
      placeholder="192.168.1.50:9100"
      isPending={save.isPending}
      error={save.failure?.fields?.printerAddress?.join(" ") ?? save.failure?.message}
      onSave={(printerAddress) => save.run({ registerId: register.id, printerAddress })}
    />
  );
}

/** The Stripe Terminal reader a register takes cards on, while Stripe is set up. */
function RegisterReader({ register }: { register: RegisterRow }) {
  const save = useAction(setRegisterReaderAction);
  return (
    <RegisterSetting
      id={`reader-${register.id}`}
      label="Stripe card reader"
      registerName={register.name}
      defaultValue={register.terminalReaderId ?? ""}
      placeholder="tmr_…"
      isMonospace
      isPending={save.isPending}
      error={save.failure?.fields?.terminalReaderId?.join(" ") ?? save.failure?.message}
      onSave={(terminalReaderId) =>
        save.run({ registerId: register.id, terminalReaderId })
      }
    />
  );
}

/** One setting of a register on a line of its own: a field, Save, and what came of it. */
function RegisterSetting(props: {
  id: string;
  label: string;
  registerName: string;
  defaultValue: string;
  placeholder: string;
  isMonospace?: boolean;
  isPending: boolean;
  error: string | undefined;
  onSave: (value: string) => Promise<{ ok: boolean }>;
}) {
  const [saved, setSaved] = useState(false);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const value = String(new FormData(event.currentTarget).get("value") ?? "");
    if ((await props.onSave(value)).ok) setSaved(true);
  }
  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      className="flex w-full flex-wrap items-center gap-2"
    >
      <label htmlFor={props.id} className="w-full text-sm text-slate-600 sm:w-40">
        {props.label}
        <span className="sr-only"> of {props.registerName}</span>
      </label>
      <input
        id={props.id}
        name="value"
        defaultValue={props.defaultValue}
        placeholder={props.placeholder}
        autoComplete="off"
        className={`${INPUT_CLASS} min-w-0 flex-1 sm:max-w-xs${props.isMonospace ? " font-mono" : ""}`}
      />
      <SubmitButton isPending={props.isPending}>Save</SubmitButton>
      {saved && <span className="text-sm text-slate-600">Saved</span>}
      {props.error && (
        <span role="alert" className="w-full text-sm text-red-700">
          {props.error}
        </span>
      )}
    </form>
  );
}
