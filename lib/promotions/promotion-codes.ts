import { randomBytes, randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Db, PrismaClient, Tx } from "@/lib/db/client";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { logger } from "@/lib/log";
import { announce } from "./save-promotion";
import {
  type AddPromotionCodeInput,
  AddPromotionCodeSchema,
  type GeneratePromotionCodesInput,
  GeneratePromotionCodesSchema,
} from "./schemas";

/** No 0/O, 1/I/L or U/V: codes are read off receipts and typed on phones. */
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";
/** 29^10 is about 4 x 10^14: guessing one of even a million codes is hopeless. */
const GENERATED_LENGTH = 10;

/** Adds a shared code (e.g. AUTUMN10) to a promotion. */
export async function addPromotionCode(
  db: PrismaClient,
  actor: Actor,
  input: AddPromotionCodeInput,
): Promise<{ id: string; code: string }> {
  authorize(actor, "promotions:write");
  const data = parseInput(AddPromotionCodeSchema, input);

  return db.$transaction(async (tx) => {
    const promotion = await lockPromotion(tx, data.promotionId);
    const taken = await tx.promotionCode.findUnique({ where: { code: data.code } });
    if (taken) {
      throw new AppError("conflict", `The code ${data.code} is already in use.`, {
        fields: { code: ["This code is already in use."] },
      });
    }
    const row = await tx.promotionCode.create({
      data: {
        promotionId: data.promotionId,
        code: data.code,
        usageLimit: data.usageLimit,
      },
    });
    await recordAudit(tx, {
      actor,
      action: "promotion_code.added",
      entityType: "promotion",
      entityId: data.promotionId,
      after: { code: row.code, usageLimit: row.usageLimit },
    });
    await announce(tx, promotion, "codes_changed");
    return { id: row.id, code: row.code };
  });
}

/**
 * Generates single-use codes for a promotion, in one batch that can be
 * exported as CSV. Codes are random (not sequential) so one cannot be
 * guessed from another.
 */
export async function generatePromotionCodes(
  db: PrismaClient,
  actor: Actor,
  input: GeneratePromotionCodesInput,
): Promise<{ batchId: string; count: number }> {
  authorize(actor, "promotions:write");
  const data = parseInput(GeneratePromotionCodesSchema, input);
  const batchId = randomUUID();

  const count = await db.$transaction(
    async (tx) => {
      const promotion = await lockPromotion(tx, data.promotionId);
      let made = 0;
      // A clash with an existing code is skipped and made up on the next round.
      for (let round = 0; made < data.count && round < 5; round += 1) {
        const codes = new Set<string>();
        while (codes.size < data.count - made) codes.add(data.prefix + randomCode());
        const { count: inserted } = await tx.promotionCode.createMany({
          data: [...codes].map((code) => ({
            promotionId: data.promotionId,
            code,
            usageLimit: 1,
            batchId,
          })),
          skipDuplicates: true,
        });
        made += inserted;
      }
      if (made < data.count) {
        throw new AppError("internal", "Could not make enough unique codes. Try again.");
      }
      await recordAudit(tx, {
        actor,
        action: "promotion_codes.generated",
        entityType: "promotion",
        entityId: data.promotionId,
        after: { batchId, count: made, prefix: data.prefix },
      });
      await announce(tx, promotion, "codes_changed");
      return made;
    },
    { timeout: 60_000 },
  );
  logger.info(
    { promotionId: data.promotionId, batchId, count },
    "promotion codes generated",
  );
  return { batchId, count };
}

/** A promotion's codes (optionally one batch), oldest first, for lists and CSV. */
export function listPromotionCodes(
  db: Db,
  options: { promotionId: string; batchId?: string | null; take?: number },
) {
  return db.promotionCode.findMany({
    where: {
      promotionId: options.promotionId,
      ...(options.batchId ? { batchId: options.batchId } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { code: "asc" }],
    take: options.take,
  });
}

/** Codes as CSV (code, usage limit, times used, batch, active), one row per code. */
export function promotionCodesCsv(
  codes: readonly {
    code: string;
    usageLimit: number | null;
    timesUsed: number;
    batchId: string | null;
    isActive: boolean;
  }[],
): string {
  const rows = codes.map((c) =>
    [c.code, c.usageLimit ?? "", c.timesUsed, c.batchId ?? "", c.isActive].join(","),
  );
  // Codes are [A-Z0-9_-] only, so no field needs quoting.
  const header = "code,usage_limit,times_used,batch_id,is_active";
  return [header, ...rows, ""].join("\r\n");
}

/** The promotion codes are added to; its row is what the change event names. */
async function lockPromotion(tx: Tx, promotionId: string) {
  // Share-locks the row until commit, so the promotion cannot vanish
  // under its new codes; editing its definition is not blocked for long.
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Promotion" WHERE "id" = ${promotionId} FOR SHARE`;
  if (rows.length === 0) throw notFound("The promotion");
  return tx.promotion.findUniqueOrThrow({
    where: { id: promotionId },
    select: { id: true, version: true, isActive: true, locationIds: true },
  });
}

function randomCode(): string {
  const bytes = randomBytes(GENERATED_LENGTH);
  let code = "";
  // 256 is not a multiple of 29; the slight bias does not help a guesser.
  for (const byte of bytes) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
  return code;
}
