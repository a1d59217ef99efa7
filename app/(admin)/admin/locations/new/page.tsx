import type { Metadata } from "next";
import Link from "next/link";
import { LocationForm, NEW_LOCATION } from "@/components/admin/location-form";
import { listTimezones } from "@/lib/locations/timezones";
import { requireStaffPage } from "@/lib/next/session";

export const metadata: Metadata = { title: "New location" };
export const dynamic = "force-dynamic";

export default async function NewLocationPage() {
  await requireStaffPage("locations:manage", "/admin/locations/new");
  return (
    <div className="space-y-4">
      <Link href="/admin/locations" className="text-sm text-brand-700 hover:underline">
        ← Locations
      </Link>
      <h1 className="text-2xl font-bold">New location</h1>
      <LocationForm initial={NEW_LOCATION} timezones={listTimezones()} />
    </div>
  );
}
