/**
 * Tax settings as the business edits them: regions with their rates per
 * category, and how each market rounds and taxes shipping. The pricing
 * engine reads them through lib/pricing-data.
 */
export { listTaxRegions, type TaxRegionListItem } from "./list-tax-regions";
export { saveMarketPricing } from "./save-market-pricing";
export { announceTaxChange, createTaxRegion, updateTaxRegion } from "./save-tax-region";
export * from "./schemas";
