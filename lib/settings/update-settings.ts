import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Prisma, PrismaClient } from "@/lib/db/client";
import { parseInput } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import { getSettings, SETTINGS_ID } from "./get-settings";
import { settingsSchema } from "./schemas";

/** Saves the business settings; the audit entry keeps them before and after. */
export async function updateSettings(db: PrismaClient, actor: Actor, input: unknown) {
  authorize(actor, "settings:manage");
  const settings = parseInput(settingsSchema, input);

  return db.$transaction(async (tx) => {
    // Serialise saves so each audit entry's "before" is what it replaced.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('omnitill.settings'))`;
    const before = await getSettings(tx);
    const data = { ...settings, markets: settings.markets as Prisma.InputJsonValue };
    await tx.settings.upsert({
      where: { id: SETTINGS_ID },
      create: { id: SETTINGS_ID, ...data },
      update: data,
    });
    await recordAudit(tx, {
      actor,
      action: "settings.updated",
      entityType: "settings",
      entityId: SETTINGS_ID,
      before,
      after: settings,
    });
    await emitEvent(tx, {
      type: "settings.updated",
      aggregateType: "settings",
      aggregateId: SETTINGS_ID,
      payload: { businessName: settings.businessName },
    });
    return settings;
  });
}
