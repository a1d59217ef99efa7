"use server";

import { db } from "@/lib/db/client";
import { staffAction } from "@/lib/next/staff-action";
import {
  AddPromotionCodeSchema,
  addPromotionCode,
  CreatePromotionSchema,
  createPromotion,
  GeneratePromotionCodesSchema,
  generatePromotionCodes,
  UpdatePromotionSchema,
  updatePromotion,
} from "@/lib/promotions";

export const createPromotionAction = staffAction(
  "promotions:write",
  CreatePromotionSchema,
  (input, staff) => createPromotion(db, staff, input),
);

export const updatePromotionAction = staffAction(
  "promotions:write",
  UpdatePromotionSchema,
  (input, staff) => updatePromotion(db, staff, input),
);

export const addPromotionCodeAction = staffAction(
  "promotions:write",
  AddPromotionCodeSchema,
  (input, staff) => addPromotionCode(db, staff, input),
);

export const generatePromotionCodesAction = staffAction(
  "promotions:write",
  GeneratePromotionCodesSchema,
  (input, staff) => generatePromotionCodes(db, staff, input),
);
