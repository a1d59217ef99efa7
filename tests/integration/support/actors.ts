import type { StaffActor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/db/client";
import { staffActorFrom } from "@/lib/staff/verify-staff-sign-in";

/** The seeded staff member with this email, as the app sees them when signed in. */
export async function staffActor(db: PrismaClient, email: string): Promise<StaffActor> {
  const user = await db.staffUser.findUniqueOrThrow({
    where: { email },
    include: { locations: { select: { locationId: true } } },
  });
  return staffActorFrom(user);
}

/** A location's id by its code. */
export async function locationId(db: PrismaClient, code: string): Promise<string> {
  return (await db.location.findUniqueOrThrow({ where: { code }, select: { id: true } }))
    .id;
}
