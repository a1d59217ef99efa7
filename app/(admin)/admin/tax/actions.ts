"use server";

import { db } from "@/lib/db/client";
import { staffAction } from "@/lib/next/staff-action";
import {
  createTaxRegion,
  MarketPricingInputSchema,
  saveMarketPricing,
  TaxRegionInputSchema,
  UpdateTaxRegionSchema,
  updateTaxRegion,
} from "@/lib/tax";

export const createTaxRegionAction = staffAction(
  "settings:manage",
  TaxRegionInputSchema,
  (input, staff) => createTaxRegion(db, staff, input),
);

export const updateTaxRegionAction = staffAction(
  "settings:manage",
  UpdateTaxRegionSchema,
  (input, staff) => updateTaxRegion(db, staff, input),
);

export const saveMarketPricingAction = staffAction(
  "settings:manage",
  MarketPricingInputSchema,
  (input, staff) => saveMarketPricing(db, staff, input),
);
