import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffActor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/authorize";
import { verifySecret } from "@/lib/auth/password";
import type { Permission } from "@/lib/auth/permissions";
import type { PrismaClient } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { staffActorFrom } from "@/lib/staff/verify-staff-sign-in";
import { VerifyPinSchema } from "./schemas";

/**
 * Finds the active colleague at a store whose POS PIN this is. PINs are
 * unique per location (lib/staff/set-staff-pin.ts), so at most one
 * matches; hashes can only be verified, so each candidate is tried.
 */
export async function staffByPin(db: PrismaClient, locationId: string, pin: string) {
  const candidates = await db.staffUser.findMany({
    where: {
      isActive: true,
      pinHash: { not: null },
      OR: [
        { locations: { some: { locationId } } },
        // Owners work everywhere without location rows.
        { role: "OWNER" },
      ],
    },
    include: { locations: { select: { locationId: true } } },
  });
  for (const user of candidates) {
    if (await verifySecret(user.pinHash, pin)) return staffActorFrom(user);
  }
  return null;
}

/**
 * Switches who is at a shared register by PIN: returns the colleague
 * whose PIN it is, if they may sell at this store. The device's sign-in
 * stays; sales are then rung up in the colleague's name by the caller.
 */
export async function switchAssociate(
  db: PrismaClient,
  options: { actor: StaffActor; input: unknown },
): Promise<StaffActor> {
  const input = parseInput(VerifyPinSchema, options.input);
  authorize(options.actor, "pos:access", { locationId: input.locationId });
  const colleague = await staffByPin(db, input.locationId, input.pin);
  if (!colleague || !can(colleague, "pos:sell", { locationId: input.locationId })) {
    throw new AppError("unauthenticated", "That PIN is not right.", {
      fields: { pin: ["That PIN is not right."] },
    });
  }
  return colleague;
}

/**
 * A manager's approval on the associate's device: the PIN must belong to
 * someone with the permission at this store. Writes who approved what in
 * the audit log and returns the approver.
 */
export async function approveByPin(
  db: PrismaClient,
  options: {
    actor: StaffActor;
    permission: Permission;
    action: string;
    entityType: string;
    entityId: string;
    detail: Record<string, unknown>;
    input: unknown;
  },
): Promise<StaffActor> {
  const input = parseInput(VerifyPinSchema, options.input);
  authorize(options.actor, "pos:sell", { locationId: input.locationId });
  const approver = await staffByPin(db, input.locationId, input.pin);
  if (!approver || !can(approver, options.permission, { locationId: input.locationId })) {
    throw new AppError("forbidden", "That PIN cannot approve this.", {
      fields: { pin: ["Ask a manager to enter their PIN."] },
    });
  }
  await db.$transaction(async (tx) => {
    await recordAudit(tx, {
      actor: approver,
      action: options.action,
      entityType: options.entityType,
      entityId: options.entityId,
      locationId: input.locationId,
      after: {
        ...options.detail,
        requestedBy: options.actor.id,
        approvedBy: approver.id,
      },
    });
    await emitEvent(tx, {
      type: options.action,
      aggregateType: options.entityType,
      aggregateId: options.entityId,
      locationId: input.locationId,
      payload: { approvedBy: approver.id, requestedBy: options.actor.id },
    });
  });
  return approver;
}
