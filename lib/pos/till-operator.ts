import { createHmac, timingSafeEqual } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/authorize";
import type { Db, PrismaClient } from "@/lib/db/client";
import { emitEvent } from "@/lib/events/emit-event";
import { staffActorFrom } from "@/lib/staff/verify-staff-sign-in";

/** A shared till's colleague stays at the till at most this long. */
export const TILL_OPERATOR_TTL_MS = 12 * 3_600_000;

interface OperatorClaim {
  /** The member signed in on the device. */
  device: string;
  /** The colleague who switched in with their PIN. */
  operator: string;
  locationId: string;
  /** Expiry, milliseconds since the epoch. */
  exp: number;
}

function sign(payload: string, secret: string): string {
  return createHmac("sha256", `till-operator:${secret}`)
    .update(payload)
    .digest("base64url");
}

/**
 * A token naming who is at a shared till, bound to the member signed in
 * on the device: it is worthless in another sign-in or once expired.
 */
export function signTillOperator(claim: OperatorClaim, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claim)).toString("base64url");
  return `${payload}.${sign(payload, secret)}`;
}

/** The claim of a token this server signed for this device, or null. */
export function verifyTillOperator(
  token: string,
  options: { deviceStaffId: string; secret: string; now?: Date },
): OperatorClaim | null {
  const [payload, signature] = token.split(".");
  if (!payload || !signature) return null;
  const expected = Buffer.from(sign(payload, options.secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claim = JSON.parse(
      Buffer.from(payload, "base64url").toString(),
    ) as OperatorClaim;
    const now = (options.now ?? new Date()).getTime();
    if (claim.device !== options.deviceStaffId || !(claim.exp > now)) return null;
    return claim;
  } catch {
    return null;
  }
}

/**
 * Who is ringing up sales at a shared till: the colleague the claim names
 * while they are active and may use the till, otherwise the member signed
 * in on the device.
 */
export async function resolveTillOperator(
  db: Db,
  options: { device: StaffActor; claim: OperatorClaim | null },
): Promise<StaffActor> {
  const { device, claim } = options;
  if (!claim || claim.operator === device.id) return device;
  const user = await db.staffUser.findUnique({
    where: { id: claim.operator },
    include: { locations: { select: { locationId: true } } },
  });
  if (!user?.isActive) return device;
  const colleague = staffActorFrom(user);
  return can(colleague, "pos:access") ? colleague : device;
}

/** Audits a change of who is at a shared till, with its event. */
export async function recordAssociateSwitch(
  db: PrismaClient,
  options: { device: StaffActor; colleague: StaffActor; locationId: string },
): Promise<void> {
  const { device, colleague, locationId } = options;
  await db.$transaction(async (tx) => {
    await recordAudit(tx, {
      actor: colleague,
      action: "pos.associate_switched",
      entityType: "staff",
      entityId: colleague.id,
      locationId,
      after: {
        operator: { id: colleague.id, name: colleague.name },
        device: { id: device.id, name: device.name },
      },
    });
    await emitEvent(tx, {
      type: "pos.associate_switched",
      aggregateType: "staff",
      aggregateId: colleague.id,
      locationId,
      payload: { operatorId: colleague.id, deviceStaffId: device.id },
    });
  });
}
