"use server";

import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { MUTATION_TX_OPTIONS } from "@/lib/idempotency";
import { adjustStock } from "@/lib/inventory/adjust-stock";
import { approveCount } from "@/lib/inventory/approve-count";
import { cancelCount } from "@/lib/inventory/cancel-count";
import { cancelTransfer } from "@/lib/inventory/cancel-transfer";
import { receiveStock } from "@/lib/inventory/receive-stock";
import { receiveTransfer } from "@/lib/inventory/receive-transfer";
import { requestTransfer } from "@/lib/inventory/request-transfer";
import { scanCount } from "@/lib/inventory/scan-count";
import {
  adjustStockSchema,
  approveCountSchema,
  levelSettingsSchema,
  receiveStockSchema,
  receiveTransferSchema,
  requestTransferSchema,
  scanCountSchema,
  shipTransferSchema,
  startCountSchema,
} from "@/lib/inventory/schemas";
import { shipTransfer } from "@/lib/inventory/ship-transfer";
import { startCount } from "@/lib/inventory/start-count";
import { updateLevelSettings } from "@/lib/inventory/update-level-settings";
import { staffAction } from "@/lib/next/staff-action";

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => db.$transaction(fn, MUTATION_TX_OPTIONS);
const withId = z.strictObject({ id: z.uuid({ error: "Unknown record." }) });

export const adjustStockAction = staffAction(
  "inventory:adjust",
  adjustStockSchema,
  (input, staff) => inTx((tx) => adjustStock(tx, staff, input)),
);

export const receiveStockAction = staffAction(
  "inventory:receive",
  receiveStockSchema,
  (input, staff) => inTx((tx) => receiveStock(tx, staff, input)),
);

export const updateLevelSettingsAction = staffAction(
  "inventory:adjust",
  levelSettingsSchema,
  (input, staff) => inTx((tx) => updateLevelSettings(tx, staff, input)),
);

export const requestTransferAction = staffAction(
  "inventory:transfer",
  requestTransferSchema,
  (input, staff) => inTx((tx) => requestTransfer(tx, staff, input)),
);

export const shipTransferAction = staffAction(
  "inventory:transfer",
  shipTransferSchema.extend(withId.shape),
  (input, staff) => inTx((tx) => shipTransfer(tx, staff, input)),
);

export const receiveTransferAction = staffAction(
  "inventory:transfer",
  receiveTransferSchema.extend(withId.shape),
  (input, staff) => inTx((tx) => receiveTransfer(tx, staff, input)),
);

export const cancelTransferAction = staffAction(
  "inventory:transfer",
  withId,
  (input, staff) => inTx((tx) => cancelTransfer(tx, staff, input)),
);

export const startCountAction = staffAction(
  "inventory:count",
  startCountSchema,
  (input, staff) => inTx((tx) => startCount(tx, staff, input)),
);

export const scanCountAction = staffAction(
  "inventory:count",
  scanCountSchema.extend(withId.shape),
  (input, staff) => inTx((tx) => scanCount(tx, staff, input)),
);

export const approveCountAction = staffAction(
  "inventory:adjust",
  approveCountSchema.extend(withId.shape),
  (input, staff) => inTx((tx) => approveCount(tx, staff, input)),
);

export const cancelCountAction = staffAction("inventory:count", withId, (input, staff) =>
  inTx((tx) => cancelCount(tx, staff, input)),
);
