import type { Metadata } from "next";
import { SettingsForm } from "@/components/admin/settings-form";
import { db } from "@/lib/db/client";
import { requireStaffPage } from "@/lib/next/session";
import { getSettings } from "@/lib/settings/get-settings";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  await requireStaffPage("settings:manage", "/admin/settings");
  const settings = await getSettings(db);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Settings</h1>
      <SettingsForm initial={settings} />
    </div>
  );
}
