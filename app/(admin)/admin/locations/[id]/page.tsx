import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActiveToggle } from "@/components/admin/active-toggle";
import { Panel } from "@/components/admin/form-controls";
import { LocationForm, type LocationFormValues } from "@/components/admin/location-form";
import { RegisterList } from "@/components/admin/register-list";
import { can } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { describeWeeklyHours, readWeeklyHours } from "@/lib/locations/hours";
import { findVisibleLocation } from "@/lib/locations/queries";
import { LOCATION_KIND_LABELS } from "@/lib/locations/schemas";
import { listTimezones } from "@/lib/locations/timezones";
import { isoDate, tradingStatus } from "@/lib/locations/trading";
import { requireStaffPage } from "@/lib/next/session";
import { setLocationActiveAction } from "../actions";
import { describeTradingStatus } from "../trading-label";

export const metadata: Metadata = { title: "Location" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export default async function LocationPage({ params }: Props) {
  const { id } = await params;
  const staff = await requireStaffPage("admin:access", `/admin/locations/${id}`);
  const location = await findVisibleLocation(db, staff, id);
  if (!location) notFound();

  const canManage = can(staff, "locations:manage", { locationId: id });
  const openingHours = readWeeklyHours(location.openingHours);
  const pickupHours = readWeeklyHours(location.pickupHours);
  const initial: LocationFormValues = {
    code: location.code,
    name: location.name,
    kind: location.kind,
    addressLine1: location.addressLine1,
    addressLine2: location.addressLine2 ?? "",
    city: location.city,
    region: location.region ?? "",
    postalCode: location.postalCode,
    country: location.country,
    latitude: String(location.latitude),
    longitude: String(location.longitude),
    timezone: location.timezone,
    phone: location.phone ?? "",
    canSellInStore: location.canSellInStore,
    canShip: location.canShip,
    canPickup: location.canPickup,
    dailyCapacity: String(location.dailyCapacity),
    openingHours,
    pickupHours,
    pickupReadyMinutes: location.pickupReadyMinutes?.toString() ?? "",
    opensOn: isoDate(location.opensOn) ?? "",
    closesOn: isoDate(location.closesOn) ?? "",
  };

  return (
    <div className="space-y-6">
      <Link href="/admin/locations" className="text-sm text-brand-700 hover:underline">
        ← Locations
      </Link>
      <div>
        <h1 className="text-2xl font-bold">{location.name}</h1>
        <p className="text-sm text-slate-600">
          <span className="font-mono">{location.code}</span> ·{" "}
          {LOCATION_KIND_LABELS[location.kind]} ·{" "}
          {describeTradingStatus(tradingStatus(location, new Date()))}
        </p>
      </div>

      {canManage ? (
        <LocationForm
          locationId={location.id}
          initial={initial}
          timezones={listTimezones()}
        />
      ) : (
        <Panel title="Details">
          <dl className="grid gap-2 text-sm md:grid-cols-2">
            <dt className="text-slate-500">Address</dt>
            <dd>
              {location.addressLine1}, {location.city} {location.postalCode}
            </dd>
            <dt className="text-slate-500">Opening hours</dt>
            <dd>{describeWeeklyHours(openingHours)}</dd>
            <dt className="text-slate-500">Pickup hours</dt>
            <dd>{location.canPickup ? describeWeeklyHours(pickupHours) : "No pickup"}</dd>
            <dt className="text-slate-500">Timezone</dt>
            <dd>{location.timezone}</dd>
          </dl>
        </Panel>
      )}

      <Panel title="Registers">
        {canManage ? (
          <RegisterList
            locationId={location.id}
            canSellInStore={location.canSellInStore}
            registers={location.registers.map((r) => ({
              id: r.id,
              name: r.name,
              isActive: r.isActive,
              printerAddress: r.printerAddress,
              terminalReaderId: r.terminalReaderId,
            }))}
          />
        ) : (
          <ul className="text-sm">
            {location.registers.map((r) => (
              <li key={r.id}>
                {r.name}
                {r.isActive ? "" : " (out of use)"}
              </li>
            ))}
          </ul>
        )}
      </Panel>

      {canManage && (
        <Panel title="Status">
          <p className="text-sm text-slate-600">
            An inactive location stops trading: it leaves the POS, routing and pickup. It
            can be deactivated only once it holds no stock and has no open orders.
          </p>
          <ActiveToggle
            isActive={location.isActive}
            payload={{ id: location.id }}
            action={setLocationActiveAction}
            what="location"
          />
        </Panel>
      )}
    </div>
  );
}
