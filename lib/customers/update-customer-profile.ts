import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { type ProfileInput, profileSchema } from "./schemas";

/** Changes a shopper's own name, phone and marketing choice. */
export async function updateCustomerProfile(
  db: PrismaClient,
  options: { actor: Actor; customerId: string; input: ProfileInput },
) {
  const input = parseInput(profileSchema, options.input);
  return db.$transaction(async (tx) => {
    const before = await tx.customer.findUniqueOrThrow({
      where: { id: options.customerId },
      select: { firstName: true, lastName: true, phone: true, marketingOptIn: true },
    });
    const after = await tx.customer.update({
      where: { id: options.customerId },
      data: {
        firstName: input.firstName,
        lastName: input.lastName,
        phone: input.phone ?? null,
        marketingOptIn: input.marketingOptIn,
      },
      select: { firstName: true, lastName: true, phone: true, marketingOptIn: true },
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: "customer.profile_updated",
      entityType: "Customer",
      entityId: options.customerId,
      before,
      after,
    });
    await emitEvent(tx, {
      type: "customers.updated",
      aggregateType: "Customer",
      aggregateId: options.customerId,
      payload: { customerId: options.customerId },
    });
    return after;
  });
}
