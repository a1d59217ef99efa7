/**
 * The currency new variants are priced in when none is given. The demo
 * retailer sells in pounds; a shop-wide setting would replace this.
 */
export const DEFAULT_CURRENCY = "GBP";
