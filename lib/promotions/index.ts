/**
 * Promotions as the business manages them: create and edit (definitions
 * checked by the engine's schema), codes shared or single-use, and
 * redemptions counted by checkout within every limit.
 */
export {
  getPromotion,
  listPromotions,
  type PromotionListItem,
  statusOf,
} from "./list-promotions";
export {
  addPromotionCode,
  generatePromotionCodes,
  listPromotionCodes,
  promotionCodesCsv,
} from "./promotion-codes";
export {
  type RecordedRedemptions,
  type RecordRedemptionsOptions,
  type RedeemedPromotion,
  recordRedemptions,
} from "./record-redemptions";
export { createPromotion, type SavedPromotion, updatePromotion } from "./save-promotion";
export * from "./schemas";
