import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { PrismaClient } from "@/lib/db/client";
import { AppError, parseInput } from "@/lib/errors";
import { logger } from "@/lib/log";
import { listMarkets } from "@/lib/pricing-data/markets";
import { announceTaxChange } from "./save-tax-region";
import { type MarketPricingInput, MarketPricingInputSchema } from "./schemas";

/** Sets how one market rounds tax and discounts and taxes shipping. */
export async function saveMarketPricing(
  db: PrismaClient,
  actor: Actor,
  input: MarketPricingInput,
): Promise<{ marketCode: string }> {
  authorize(actor, "settings:manage");
  const data = parseInput(MarketPricingInputSchema, input);

  await db.$transaction(async (tx) => {
    const markets = await listMarkets(tx);
    if (!markets.some((market) => market.code === data.marketCode)) {
      throw new AppError("invalid_input", "No market has this code.", {
        fields: { marketCode: ["No market has this code. Add markets under Settings."] },
      });
    }
    const before = await tx.marketPricing.findUnique({
      where: { marketCode: data.marketCode },
    });
    const { marketCode, ...rule } = data;
    await tx.marketPricing.upsert({
      where: { marketCode },
      create: data,
      update: rule,
    });
    await recordAudit(tx, {
      actor,
      action: "market_pricing.updated",
      entityType: "market_pricing",
      entityId: marketCode,
      before,
      after: data,
    });
    await announceTaxChange(tx, "market_pricing", marketCode);
  });
  logger.info({ marketCode: data.marketCode }, "market pricing rules saved");
  return { marketCode: data.marketCode };
}
