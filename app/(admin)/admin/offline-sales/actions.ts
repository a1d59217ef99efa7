"use server";

import { db } from "@/lib/db/client";
import { staffAction } from "@/lib/next/staff-action";
import {
  ReviewOfflineSaleSchema,
  reviewOfflineSale,
} from "@/lib/pos-sync/review-offline-sale";

export const reviewOfflineSaleAction = staffAction(
  "orders:manage",
  ReviewOfflineSaleSchema,
  (input, staff) => reviewOfflineSale(db, staff, input),
);
