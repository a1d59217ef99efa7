"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import {
  createLocationAction,
  updateLocationAction,
} from "@/app/(admin)/admin/locations/actions";
import { geocodePlace } from "@/lib/geo/geocode-place";
import { WEEKDAY_LABELS, WEEKDAYS, type WeeklyHours } from "@/lib/locations/hours";
import { LOCATION_KIND_LABELS, LOCATION_KINDS } from "@/lib/locations/schemas";
import { Field, FormMessage, INPUT_CLASS, Panel, SubmitButton } from "./form-controls";
import { useAction } from "./use-action";

/** A location as the form shows it; numbers may be blank while typing. */
export interface LocationFormValues {
  code: string;
  name: string;
  kind: (typeof LOCATION_KINDS)[number];
  addressLine1: string;
  addressLine2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  latitude: string;
  longitude: string;
  timezone: string;
  phone: string;
  canSellInStore: boolean;
  canShip: boolean;
  canPickup: boolean;
  dailyCapacity: string;
  openingHours: WeeklyHours;
  pickupHours: WeeklyHours;
  pickupReadyMinutes: string;
  opensOn: string;
  closesOn: string;
}

export const NEW_LOCATION: LocationFormValues = {
  code: "",
  name: "",
  kind: "STORE",
  addressLine1: "",
  addressLine2: "",
  city: "",
  region: "",
  postalCode: "",
  country: "GB",
  latitude: "",
  longitude: "",
  timezone: "Europe/London",
  phone: "",
  canSellInStore: true,
  canShip: false,
  canPickup: false,
  dailyCapacity: "0",
  openingHours: Object.fromEntries(
    WEEKDAYS.map((day) => [day, { opens: "09:00", closes: "17:30" }]),
  ),
  pickupHours: {},
  pickupReadyMinutes: "",
  opensOn: "",
  closesOn: "",
};

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

// Blank stays null so the server can say the field is missing.
const numberOrNull = (value: string) => (value === "" ? null : Number(value));

function hoursFrom(form: FormData, prefix: "openingHours" | "pickupHours") {
  return Object.fromEntries(
    WEEKDAYS.map((day) => [
      day,
      form.get(`${prefix}.${day}.isOpen`)
        ? {
            opens: text(form, `${prefix}.${day}.opens`),
            closes: text(form, `${prefix}.${day}.closes`),
          }
        : null,
    ]),
  );
}

/** Creates a location, or edits one when `locationId` is given. */
export function LocationForm({
  locationId,
  initial,
  timezones,
}: {
  locationId?: string;
  initial: LocationFormValues;
  timezones: string[];
}) {
  const router = useRouter();
  const create = useAction(createLocationAction, { refresh: false });
  const update = useAction(updateLocationAction);
  const { isPending, failure } = locationId ? update : create;
  const [kind, setKind] = useState(initial.kind);
  const [coordinates, setCoordinates] = useState({
    latitude: initial.latitude,
    longitude: initial.longitude,
  });
  const [geocodeNote, setGeocodeNote] = useState<string | null>(null);

  // Fields are keyed as the server names them: "location." prefixes edits.
  const errorFor = (field: string) =>
    locationId ? update.errorFor(`location.${field}`) : create.errorFor(field);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const location = {
      code: text(form, "code"),
      name: text(form, "name"),
      kind: text(form, "kind"),
      addressLine1: text(form, "addressLine1"),
      addressLine2: text(form, "addressLine2"),
      city: text(form, "city"),
      region: text(form, "region"),
      postalCode: text(form, "postalCode"),
      country: text(form, "country"),
      latitude: numberOrNull(text(form, "latitude")),
      longitude: numberOrNull(text(form, "longitude")),
      timezone: text(form, "timezone"),
      phone: text(form, "phone"),
      canSellInStore: form.get("canSellInStore") === "on",
      canShip: form.get("canShip") === "on",
      canPickup: form.get("canPickup") === "on",
      dailyCapacity: numberOrNull(text(form, "dailyCapacity")),
      openingHours: hoursFrom(form, "openingHours"),
      pickupHours: hoursFrom(form, "pickupHours"),
      pickupReadyMinutes: numberOrNull(text(form, "pickupReadyMinutes")),
      opensOn: text(form, "opensOn") || null,
      closesOn: text(form, "closesOn") || null,
    };
    if (locationId) {
      await update.run({ id: locationId, location });
      return;
    }
    const result = await create.run(location);
    if (result.ok) router.push(`/admin/locations/${result.data.id}`);
  }

  function fillFromPostcode(postcode: string) {
    const place = geocodePlace(postcode);
    if (!place) {
      setGeocodeNote("That postcode is not known here; enter the coordinates.");
      return;
    }
    setCoordinates({
      latitude: String(place.latitude),
      longitude: String(place.longitude),
    });
    setGeocodeNote(`Filled from the centre of ${place.label}; adjust if needed.`);
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="space-y-6">
      <Panel title="Location">
        <div className="grid gap-4 md:grid-cols-3">
          <Field label="Name" name="name" error={errorFor("name")}>
            {(p) => <input {...p} defaultValue={initial.name} className={INPUT_CLASS} />}
          </Field>
          <Field
            label="Code"
            name="code"
            error={errorFor("code")}
            hint="On receipts, e.g. STR-BRS"
          >
            {(p) => (
              <input
                {...p}
                defaultValue={initial.code}
                className={`${INPUT_CLASS} uppercase`}
              />
            )}
          </Field>
          <Field label="Kind" name="kind" error={errorFor("kind")}>
            {(p) => (
              <select
                {...p}
                value={kind}
                onChange={(e) => setKind(e.target.value as typeof kind)}
                className={INPUT_CLASS}
              >
                {LOCATION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {LOCATION_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {kind === "POPUP" && (
          <div className="grid gap-4 md:grid-cols-3">
            <Field label="First trading day" name="opensOn" error={errorFor("opensOn")}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  defaultValue={initial.opensOn}
                  className={INPUT_CLASS}
                />
              )}
            </Field>
            <Field
              label="Last trading day"
              name="closesOn"
              error={errorFor("closesOn")}
              hint="Leave empty while the end is open."
            >
              {(p) => (
                <input
                  {...p}
                  type="date"
                  defaultValue={initial.closesOn}
                  className={INPUT_CLASS}
                />
              )}
            </Field>
          </div>
        )}
      </Panel>

      <Panel title="Address and position">
        <div className="grid gap-4 md:grid-cols-2">
          <Field
            label="Street address"
            name="addressLine1"
            error={errorFor("addressLine1")}
          >
            {(p) => (
              <input {...p} defaultValue={initial.addressLine1} className={INPUT_CLASS} />
            )}
          </Field>
          <Field
            label="Address line 2 (optional)"
            name="addressLine2"
            error={errorFor("addressLine2")}
          >
            {(p) => (
              <input {...p} defaultValue={initial.addressLine2} className={INPUT_CLASS} />
            )}
          </Field>
          <Field label="Town or city" name="city" error={errorFor("city")}>
            {(p) => <input {...p} defaultValue={initial.city} className={INPUT_CLASS} />}
          </Field>
          <Field label="Region (optional)" name="region" error={errorFor("region")}>
            {(p) => (
              <input {...p} defaultValue={initial.region} className={INPUT_CLASS} />
            )}
          </Field>
          <Field label="Postcode" name="postalCode" error={errorFor("postalCode")}>
            {(p) => (
              <div className="flex gap-2">
                <input {...p} defaultValue={initial.postalCode} className={INPUT_CLASS} />
                <button
                  type="button"
                  onClick={(e) => {
                    const input = e.currentTarget
                      .previousElementSibling as HTMLInputElement;
                    fillFromPostcode(input.value);
                  }}
                  className="min-h-11 shrink-0 rounded-lg border border-slate-300 px-3 text-sm"
                >
                  Find position
                </button>
              </div>
            )}
          </Field>
          <Field
            label="Country"
            name="country"
            error={errorFor("country")}
            hint="Two letters, e.g. GB"
          >
            {(p) => (
              <input
                {...p}
                defaultValue={initial.country}
                maxLength={2}
                className={`${INPUT_CLASS} uppercase`}
              />
            )}
          </Field>
          <Field label="Latitude" name="latitude" error={errorFor("latitude")}>
            {(p) => (
              <input
                {...p}
                inputMode="decimal"
                value={coordinates.latitude}
                onChange={(e) =>
                  setCoordinates((c) => ({ ...c, latitude: e.target.value }))
                }
                className={INPUT_CLASS}
              />
            )}
          </Field>
          <Field label="Longitude" name="longitude" error={errorFor("longitude")}>
            {(p) => (
              <input
                {...p}
                inputMode="decimal"
                value={coordinates.longitude}
                onChange={(e) =>
                  setCoordinates((c) => ({ ...c, longitude: e.target.value }))
                }
                className={INPUT_CLASS}
              />
            )}
          </Field>
        </div>
        <p aria-live="polite" className="text-sm text-slate-600">
          {geocodeNote}
        </p>
        <div className="grid gap-4 md:grid-cols-2">
          <Field label="Timezone" name="timezone" error={errorFor("timezone")}>
            {(p) => (
              <select {...p} defaultValue={initial.timezone} className={INPUT_CLASS}>
                {timezones.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone.replaceAll("_", " ")}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Phone (optional)" name="phone" error={errorFor("phone")}>
            {(p) => (
              <input
                {...p}
                type="tel"
                defaultValue={initial.phone}
                className={INPUT_CLASS}
              />
            )}
          </Field>
        </div>
      </Panel>

      <Panel title="What it does">
        <fieldset className="flex flex-wrap gap-x-6 gap-y-2">
          <legend className="sr-only">Services</legend>
          {(
            [
              ["canSellInStore", "Sells at the counter (POS)"],
              ["canShip", "Ships online orders"],
              ["canPickup", "Offers pickup"],
            ] as const
          ).map(([name, label]) => (
            <label key={name} className="flex min-h-11 items-center gap-2 text-sm">
              <input
                type="checkbox"
                name={name}
                defaultChecked={initial[name]}
                className="size-5"
              />
              {label}
            </label>
          ))}
        </fieldset>
        <div className="grid gap-4 md:grid-cols-2">
          <Field
            label="Daily capacity"
            name="dailyCapacity"
            error={errorFor("dailyCapacity")}
            hint="Orders it can pick and pack in a day."
          >
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                defaultValue={initial.dailyCapacity}
                className={INPUT_CLASS}
              />
            )}
          </Field>
          <Field
            label="Pickup ready within (minutes)"
            name="pickupReadyMinutes"
            error={errorFor("pickupReadyMinutes")}
            hint="Promised to shoppers, e.g. 120 for two hours."
          >
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                defaultValue={initial.pickupReadyMinutes}
                className={INPUT_CLASS}
              />
            )}
          </Field>
        </div>
      </Panel>

      <Panel title="Hours">
        <p className="text-sm text-slate-600">In the location&apos;s own timezone.</p>
        <HoursTable initial={initial} errorFor={errorFor} />
      </Panel>

      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton isPending={isPending}>
          {locationId ? "Save changes" : "Create location"}
        </SubmitButton>
        <FormMessage
          error={failure?.message}
          success={locationId && update.done ? "Saved." : null}
        />
      </div>
    </form>
  );
}

function HoursTable({
  initial,
  errorFor,
}: {
  initial: LocationFormValues;
  errorFor: (field: string) => string | undefined;
}) {
  const groups = [
    ["openingHours", "Open"],
    ["pickupHours", "Pickup"],
  ] as const;
  const groupErrors = groups.map(([prefix]) => errorFor(prefix)).filter(Boolean);
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] text-sm">
        <thead className="text-left text-slate-500">
          <tr>
            <th scope="col" className="p-2 font-medium">
              Day
            </th>
            {groups.map(([prefix, label]) => (
              <th key={prefix} scope="col" className="p-2 font-medium">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((day) => (
            <tr key={day} className="border-t border-slate-100">
              <th scope="row" className="p-2 text-left font-medium">
                {WEEKDAY_LABELS[day]}
              </th>
              {groups.map(([prefix, label]) => {
                const span = initial[prefix][day];
                const error =
                  errorFor(`${prefix}.${day}.opens`) ??
                  errorFor(`${prefix}.${day}.closes`);
                return (
                  <td key={prefix} className="p-2">
                    <div className="flex items-center gap-2">
                      <input
                        type="checkbox"
                        name={`${prefix}.${day}.isOpen`}
                        defaultChecked={!!span}
                        aria-label={`${label} on ${WEEKDAY_LABELS[day]}`}
                        className="size-5"
                      />
                      <input
                        type="time"
                        name={`${prefix}.${day}.opens`}
                        defaultValue={span?.opens ?? "09:00"}
                        aria-label={`${label} from, ${WEEKDAY_LABELS[day]}`}
                        className="min-h-11 rounded-lg border border-slate-300 px-2"
                      />
                      <span aria-hidden="true">–</span>
                      <input
                        type="time"
                        name={`${prefix}.${day}.closes`}
                        defaultValue={span?.closes ?? "17:30"}
                        aria-label={`${label} until, ${WEEKDAY_LABELS[day]}`}
                        className="min-h-11 rounded-lg border border-slate-300 px-2"
                      />
                    </div>
                    {error && <p className="mt-1 text-sm text-red-700">{error}</p>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {groupErrors.map((error) => (
        <p key={error} className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ))}
    </div>
  );
}
