import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import type { Actor, StaffActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/authorize";
import type { Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { staffActorFrom } from "@/lib/staff/verify-staff-sign-in";
import { authOptions } from "./auth-options";

/** The signed-in staff member, re-read from the database, or null. */
export async function currentStaff(): Promise<StaffActor | null> {
  const session = await getServerSession(authOptions);
  if (session?.kind !== "staff" || !session.principalId) return null;

  const user = await db.staffUser.findUnique({
    where: { id: session.principalId },
    include: { locations: { select: { locationId: true } } },
  });
  if (!user?.isActive) return null;
  // A password reset ends every session begun before it.
  if (
    user.passwordChangedAt &&
    user.passwordChangedAt.getTime() > (session.signedInAt ?? 0)
  ) {
    return null;
  }
  return staffActorFrom(user);
}

/** The signed-in shopper, or null. */
export async function currentCustomer() {
  const session = await getServerSession(authOptions);
  if (session?.kind !== "customer" || !session.principalId) return null;
  return db.customer.findUnique({ where: { id: session.principalId } });
}

/** The actor behind the current request, for server actions. */
export async function currentActor(): Promise<Actor | null> {
  const staff = await currentStaff();
  if (staff) return staff;
  const customer = await currentCustomer();
  return customer?.email
    ? { kind: "customer", id: customer.id, email: customer.email }
    : null;
}

/**
 * For layouts and pages: sends an anonymous visitor to sign-in and a staff
 * member without the permission to a page that says so.
 */
export async function requireStaffPage(
  permission: Permission,
  returnTo: string,
): Promise<StaffActor> {
  const staff = await currentStaff();
  if (!staff) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!can(staff, permission))
    redirect(`/forbidden?need=${encodeURIComponent(permission)}`);
  return staff;
}
