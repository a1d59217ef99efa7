"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import {
  createStaffAction,
  resetStaffPasswordAction,
  setStaffPinAction,
  updateStaffAction,
} from "@/app/(admin)/admin/staff/actions";
import { ROLE_LABELS, type StaffRoleName } from "@/lib/auth/permissions";
import {
  Field,
  FormFooter,
  FormMessage,
  INPUT_CLASS,
  SubmitButton,
  TextField,
} from "./form-controls";
import { useAction } from "./use-action";

export interface LocationChoice {
  id: string;
  code: string;
  name: string;
}

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

function PasswordField(props: {
  label: string;
  error?: string | undefined;
  hint: string;
}) {
  return (
    <TextField {...props} name="password" type="password" autoComplete="new-password" />
  );
}

function PinField(props: { label: string; error?: string | undefined }) {
  return (
    <TextField
      {...props}
      name="pin"
      hint="4 to 6 digits"
      inputMode="numeric"
      autoComplete="off"
    />
  );
}

function LocationChecklist({
  locations,
  name,
  value,
  checked,
  error,
}: {
  locations: LocationChoice[];
  name: string;
  value: (location: LocationChoice) => string;
  checked: (location: LocationChoice) => boolean;
  error?: string;
}) {
  return (
    <fieldset
      className="space-y-1"
      aria-describedby={error ? `${name}-error` : undefined}
    >
      <legend className="text-sm font-medium">Works at</legend>
      <p className="text-xs text-slate-500">
        Owners, merchandisers and fulfillment staff with none ticked work everywhere.
      </p>
      <div className="grid gap-x-4 sm:grid-cols-2">
        {locations.map((location) => (
          <label key={location.id} className="flex min-h-11 items-center gap-2 text-sm">
            <input
              type="checkbox"
              name={name}
              value={value(location)}
              defaultChecked={checked(location)}
              className="size-5"
            />
            {location.name}
            <span className="font-mono text-xs text-slate-500">{location.code}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={`${name}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function RoleSelect({
  roles,
  defaultValue,
  error,
  disabled,
}: {
  roles: readonly StaffRoleName[];
  defaultValue: StaffRoleName;
  error?: string;
  disabled?: boolean;
}) {
  return (
    <Field label="Role" name="role" error={error}>
      {(p) => (
        <select
          {...p}
          defaultValue={defaultValue}
          disabled={disabled}
          className={INPUT_CLASS}
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Adds a staff member with a first password to hand over in person. */
export function NewStaffForm({
  roles,
  locations,
}: {
  roles: readonly StaffRoleName[];
  locations: LocationChoice[];
}) {
  const router = useRouter();
  const create = useAction(createStaffAction, { refresh: false });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const pin = text(form, "pin");
    const result = await create.run({
      name: text(form, "name"),
      email: text(form, "email"),
      role: text(form, "role"),
      password: String(form.get("password") ?? ""),
      ...(pin ? { pin } : {}),
      locationCodes: form.getAll("locationCodes").map(String),
    });
    if (result.ok) router.push(`/admin/staff/${result.data.id}`);
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          label="Name"
          name="name"
          error={create.errorFor("name")}
          autoComplete="off"
        />
        <TextField
          label="Email"
          name="email"
          error={create.errorFor("email")}
          type="email"
          autoComplete="off"
        />
        <RoleSelect
          roles={roles}
          defaultValue={
            roles.includes("ASSOCIATE") ? "ASSOCIATE" : (roles[0] ?? "ASSOCIATE")
          }
          error={create.errorFor("role")}
        />
        <PasswordField
          label="First password"
          error={create.errorFor("password")}
          hint="At least 10 characters and not a common one. Hand it over in person."
        />
        <PinField label="POS PIN (optional)" error={create.errorFor("pin")} />
      </div>
      <LocationChecklist
        locations={locations}
        name="locationCodes"
        value={(l) => l.code}
        checked={() => locations.length === 1}
        error={create.errorFor("locationCodes")}
      />
      <FormFooter
        isPending={create.isPending}
        label="Add staff member"
        error={create.failure?.message}
      />
    </form>
  );
}

/** Name, role and locations of an existing staff member. */
export function StaffAccessForm({
  staffId,
  name,
  role,
  locationIds,
  roles,
  locations,
  isSelf,
}: {
  staffId: string;
  name: string;
  role: StaffRoleName;
  locationIds: string[];
  roles: readonly StaffRoleName[];
  locations: LocationChoice[];
  isSelf: boolean;
}) {
  const update = useAction(updateStaffAction);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await update.run({
      staffId,
      name: text(form, "name"),
      // A disabled select sends nothing: keep the role as it is.
      role: text(form, "role") || role,
      locationIds: isSelf ? locationIds : form.getAll("locationIds").map(String),
    });
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          label="Name"
          name="name"
          error={update.errorFor("name")}
          defaultValue={name}
        />
        <RoleSelect
          roles={roles.includes(role) ? roles : [role, ...roles]}
          defaultValue={role}
          error={update.errorFor("role")}
          disabled={isSelf}
        />
      </div>
      {isSelf ? (
        <p className="text-sm text-slate-600">
          You cannot change your own role or locations; ask another owner.
        </p>
      ) : (
        <LocationChecklist
          locations={locations}
          name="locationIds"
          value={(l) => l.id}
          checked={(l) => locationIds.includes(l.id)}
          error={update.errorFor("locationIds")}
        />
      )}
      <FormFooter
        isPending={update.isPending}
        label="Save"
        error={update.failure?.message}
        success={update.done ? "Saved." : null}
      />
    </form>
  );
}

/** Sets a new password; the person's other sessions end. */
export function ResetPasswordForm({ staffId }: { staffId: string }) {
  const reset = useAction(resetStaffPasswordAction);
  const [form, setForm] = useState<HTMLFormElement | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    const result = await reset.run({ staffId, password });
    if (result.ok) form?.reset();
  }

  return (
    <form
      ref={setForm}
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      className="space-y-4"
    >
      <div className="max-w-sm">
        <PasswordField
          label="New password"
          error={reset.errorFor("password")}
          hint="They will be signed out everywhere."
        />
      </div>
      <FormFooter
        isPending={reset.isPending}
        label="Reset password"
        error={reset.failure?.fields ? null : reset.failure?.message}
        success={reset.done ? "Password reset." : null}
      />
    </form>
  );
}

/** Sets or removes the PIN that picks the person at a register. */
export function PinForm({ staffId, hasPin }: { staffId: string; hasPin: boolean }) {
  const setPin = useAction(setStaffPinAction);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const pin = String(new FormData(form).get("pin") ?? "").trim();
    const result = await setPin.run({ staffId, pin });
    if (result.ok) form.reset();
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-4">
      <p className="text-sm text-slate-600">{hasPin ? "A PIN is set." : "No PIN yet."}</p>
      <div className="max-w-sm">
        <PinField label="New PIN" error={setPin.errorFor("pin")} />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton isPending={setPin.isPending}>Set PIN</SubmitButton>
        {hasPin && (
          <button
            type="button"
            disabled={setPin.isPending}
            onClick={() => void setPin.run({ staffId, pin: null })}
            className="min-h-11 rounded-lg border border-slate-300 px-4 text-sm"
          >
            Remove PIN
          </button>
        )}
        <FormMessage
          error={setPin.failure?.fields ? null : setPin.failure?.message}
          success={setPin.done ? "PIN saved." : null}
        />
      </div>
    </form>
  );
}
