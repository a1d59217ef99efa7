import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { hashSecret } from "@/lib/auth/password";
import { LOCATION_SCOPED_ROLES } from "@/lib/auth/permissions";
import type { PrismaClient } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { type CreateStaffUserInput, createStaffUserSchema } from "./schemas";
import { assertCanManageStaff } from "./staff-scope";

/**
 * Creates a staff member with a hashed password, their locations and an
 * audit entry. A store manager may create only associates of their own
 * locations (lib/staff/staff-scope.ts).
 */
export async function createStaffUser(
  db: PrismaClient,
  actor: Actor,
  input: CreateStaffUserInput,
) {
  authorize(actor, "staff:manage");
  const data = parseInput(createStaffUserSchema, input);
  if (LOCATION_SCOPED_ROLES.has(data.role) && data.locationCodes.length === 0) {
    throw new AppError("invalid_input", "Choose where this person works.", {
      fields: { locationCodes: ["Store staff work at one location or more."] },
    });
  }

  // Hashing is slow; do it before the transaction holds any locks.
  const passwordHash = await hashSecret(data.password);
  const pinHash = data.pin ? await hashSecret(data.pin) : null;

  return db.$transaction(async (tx) => {
    const existing = await tx.staffUser.findUnique({ where: { email: data.email } });
    if (existing) {
      throw new AppError(
        "conflict",
        `A staff member with email ${data.email} already exists.`,
        {
          fields: { email: ["This email is already in use."] },
        },
      );
    }

    const locations = await tx.location.findMany({
      where: { code: { in: data.locationCodes } },
      select: { id: true, code: true },
    });
    const unknown = data.locationCodes.filter(
      (c) => !locations.some((l) => l.code === c),
    );
    if (unknown.length > 0) {
      throw new AppError(
        "invalid_input",
        `Unknown location code: ${unknown.join(", ")}.`,
        {
          fields: { locationCodes: [`Unknown: ${unknown.join(", ")}`] },
        },
      );
    }

    assertCanManageStaff(actor, {
      role: data.role,
      locationIds: locations.map((l) => l.id),
    });

    const user = await tx.staffUser.create({
      data: {
        email: data.email,
        name: data.name,
        role: data.role,
        passwordHash,
        pinHash,
        locations: { create: locations.map((l) => ({ locationId: l.id })) },
      },
      select: { id: true, email: true, name: true, role: true, createdAt: true },
    });

    await recordAudit(tx, {
      actor,
      action: "staff.created",
      entityType: "staff_user",
      entityId: user.id,
      locationId: locations[0]?.id ?? null,
      after: { ...user, locationCodes: data.locationCodes, hasPin: pinHash !== null },
    });
    await emitEvent(tx, {
      type: "staff.created",
      aggregateType: "staff_user",
      aggregateId: user.id,
      locationId: locations[0]?.id ?? null,
      payload: { role: user.role, locationCodes: data.locationCodes },
    });
    return user;
  });
}
