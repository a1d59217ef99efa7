import type { Metadata } from "next";
import Link from "next/link";
import { Panel } from "@/components/admin/form-controls";
import { NewStaffForm } from "@/components/admin/staff-forms";
import { requireStaffPage } from "@/lib/next/session";
import { assignableChoices } from "../assignable";

export const metadata: Metadata = { title: "Add staff member" };
export const dynamic = "force-dynamic";

export default async function NewStaffPage() {
  const staff = await requireStaffPage("staff:manage", "/admin/staff/new");
  const { roles, locations } = await assignableChoices(staff);
  return (
    <div className="space-y-4">
      <Link href="/admin/staff" className="text-sm text-brand-700 hover:underline">
        ← Staff
      </Link>
      <h1 className="text-2xl font-bold">Add staff member</h1>
      <Panel title="Who and where">
        <NewStaffForm roles={roles} locations={locations} />
      </Panel>
    </div>
  );
}
