"use server";

import { db } from "@/lib/db/client";
import { shopperAction } from "@/lib/next/shopper-action";
import {
  backInStockSchema,
  requestBackInStock,
} from "@/lib/storefront/request-back-in-stock";

/** "Tell me when it's back" on the product page. */
export const requestBackInStockAction = shopperAction(
  backInStockSchema,
  async (input, shopper) => {
    await requestBackInStock(db, {
      actor: shopper.actor,
      customerId: shopper.customer?.id,
      input,
    });
    return { email: input.email };
  },
);
