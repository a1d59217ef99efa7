/**
 * The database side of pricing: loads what the pure engine (lib/pricing)
 * needs from the catalogue, promotions, codes, markets and tax tables, and
 * exports the bundle a POS prices with offline.
 */
export {
  type PricingBundle,
  PricingBundleSchema,
  pricingContextFromBundle,
} from "./bundle";
export {
  type BasketLine,
  type BasketLineInput,
  BasketLineSchema,
  loadCartLines,
  loadVariantFacts,
  type VariantFacts,
} from "./cart-lines";
export { loadCodeRecords } from "./codes";
export { customerKeyFor, loadPricingCustomer, type PricingCustomer } from "./customers";
export { exportPricingBundle } from "./export-pricing-bundle";
export {
  type LoadPricingInputsOptions,
  loadPricingInputs,
  type PricingInputs,
} from "./load-pricing-inputs";
export {
  defaultCurrency,
  listMarkets,
  loadMarket,
  type MarketWithPricing,
  toEngineMarket,
} from "./markets";
export { loadActivePromotions, toEnginePromotion } from "./promotions";
export {
  type Quote,
  type QuoteRequest,
  QuoteRequestSchema,
  quoteBasket,
} from "./quote-basket";
export { loadLocationAddresses, loadTaxRegions, toEngineTaxRegion } from "./tax-regions";
