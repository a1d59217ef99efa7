import type { StaffActor } from "@/lib/auth/actor";
import { verifySecret } from "@/lib/auth/password";
import { LOCATION_SCOPED_ROLES } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { staffSignInSchema } from "./schemas";

/**
 * Checks a staff member's email and password. Refuses inactive accounts
 * with the same words as a wrong password, so sign-in reveals nothing.
 */
export async function verifyStaffSignIn(db: Db, input: unknown): Promise<StaffActor> {
  const { email, password } = parseInput(staffSignInSchema, input);

  const user = await db.staffUser.findUnique({
    where: { email },
    include: { locations: { select: { locationId: true } } },
  });
  const isValid = await verifySecret(user?.isActive ? user.passwordHash : null, password);
  if (!user || !isValid) {
    throw new AppError("unauthenticated", "The email or password is not right.");
  }

  await db.staffUser.update({
    where: { id: user.id },
    data: { lastSignInAt: new Date() },
  });
  return staffActorFrom(user);
}

/** Builds the actor for a staff row and its location assignments. */
export function staffActorFrom(user: {
  id: string;
  email: string;
  name: string;
  role: StaffActor["role"];
  locations: { locationId: string }[];
}): StaffActor {
  const isBound = LOCATION_SCOPED_ROLES.has(user.role);
  return {
    kind: "staff",
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locationIds: isBound ? user.locations.map((l) => l.locationId) : "all",
  };
}
