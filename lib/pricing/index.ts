/**
 * The pricing engine: one pure function that prices a cart with its
 * promotions and tax, the schemas of its inputs, and helpers at its edges
 * (explanation text, returns, promotion status). No database, React or
 * Next imports: the POS runs this very module in the browser.
 */
export { normalizeCode } from "./codes";
export { describeExplanation, describeReason, type ExplanationText } from "./explain";
export { priceCart } from "./price-cart";
export {
  quoteReturn,
  type ReturnedLine,
  type ReturnItem,
  type ReturnQuote,
} from "./returns";
export { type PromotionStatus, promotionStatus } from "./schedule";
export * from "./schemas";
export type * from "./types";
