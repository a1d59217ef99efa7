import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActiveToggle } from "@/components/admin/active-toggle";
import { Panel } from "@/components/admin/form-controls";
import {
  PinForm,
  ResetPasswordForm,
  StaffAccessForm,
} from "@/components/admin/staff-forms";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { requireStaffPage } from "@/lib/next/session";
import { findVisibleStaff } from "@/lib/staff/list-staff";
import { canManageStaff } from "@/lib/staff/staff-scope";
import { setStaffActiveAction } from "../actions";
import { assignableChoices } from "../assignable";

export const metadata: Metadata = { title: "Staff member" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export default async function StaffMemberPage({ params }: Props) {
  const { id } = await params;
  const staff = await requireStaffPage("staff:manage", `/admin/staff/${id}`);
  const person = await findVisibleStaff(db, staff, id);
  const locationIds = person?.locations.map((l) => l.locationId) ?? [];
  // Someone the viewer may not manage is not theirs to open at all.
  if (!person || !canManageStaff(staff, { role: person.role, locationIds })) notFound();

  const { roles, locations } = await assignableChoices(staff);
  const isSelf = person.id === staff.id;

  return (
    <div className="space-y-6">
      <Link href="/admin/staff" className="text-sm text-brand-700 hover:underline">
        ← Staff
      </Link>
      <div>
        <h1 className="text-2xl font-bold">{person.name}</h1>
        <p className="text-sm text-slate-600">
          {person.email} · {ROLE_LABELS[person.role]} ·{" "}
          {person.isActive ? "Active" : "Deactivated"}
        </p>
      </div>
      <Panel title="Role and locations">
        <StaffAccessForm
          staffId={person.id}
          name={person.name}
          role={person.role}
          locationIds={locationIds}
          roles={roles}
          locations={locations}
          isSelf={isSelf}
        />
      </Panel>
      <Panel title="Password">
        <ResetPasswordForm staffId={person.id} />
      </Panel>
      <Panel title="POS PIN">
        <PinForm staffId={person.id} hasPin={person.hasPin} />
      </Panel>
      {!isSelf && (
        <Panel title="Access">
          <p className="text-sm text-slate-600">
            A deactivated person is signed out at once and cannot sign in; their history
            stays.
          </p>
          <ActiveToggle
            isActive={person.isActive}
            payload={{ staffId: person.id }}
            action={setStaffActiveAction}
            what="staff member"
          />
        </Panel>
      )}
    </div>
  );
}
