/**
 * What a till keeps in the browser to sell with no network: its store's
 * catalogue (variants, barcodes, prices), the pricing bundle (promotions,
 * codes, tax), the associates who may switch in by PIN, the customers seen
 * lately, and which tenders work offline. Pure: imported in the browser.
 */
import { z } from "zod";
import { TaxCategorySchema } from "@/lib/pricing/schemas";
import { PricingBundleSchema } from "@/lib/pricing-data/bundle";
import { OFFLINE_TENDER_KINDS } from "./sale";

export const POS_BUNDLE_FORMAT = 1;

const Id = z.string().min(1).max(200);

export const PosVariantSchema = z.object({
  id: Id,
  productId: Id,
  sku: z.string(),
  barcode: z.string().nullable(),
  title: z.string(),
  /** Option values joined for the till, e.g. "M / Navy". */
  options: z.string(),
  priceMinor: z.int().min(0),
  currency: z.string(),
  taxCategory: TaxCategorySchema,
  categoryId: Id.nullable(),
  /** Active variant of an active product: it can be rung up. */
  isSellable: z.boolean(),
  /** On hand at this store when the bundle was made; a hint, the shelf wins. */
  onHand: z.int(),
});
export type PosVariant = z.output<typeof PosVariantSchema>;

export const PosStaffSchema = z.object({
  id: Id,
  name: z.string(),
  role: z.string(),
  /** Argon2id hash of the associate's PIN, for switching while offline. */
  pinHash: z.string().nullable(),
});

export const PosCustomerSchema = z.object({
  id: Id,
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  groups: z.array(z.string()),
  isTaxExempt: z.boolean(),
});
export type PosCustomer = z.output<typeof PosCustomerSchema>;

export const PosBundleSchema = z.object({
  format: z.literal(POS_BUNDLE_FORMAT),
  /** Send back as `since` to receive only what changed after this bundle. */
  cursor: z.string(),
  /** True when only changes since the given cursor are listed. */
  isDelta: z.boolean(),
  location: z.object({ id: Id, code: z.string(), name: z.string() }),
  registers: z.array(z.object({ id: Id, name: z.string() })),
  /** Prices, promotions, codes and tax: always whole, they are small. */
  pricing: PricingBundleSchema,
  variants: z.array(PosVariantSchema),
  /** In a delta: variants that stopped being sold since the cursor. */
  removedVariantIds: z.array(Id),
  staff: z.array(PosStaffSchema),
  customers: z.array(PosCustomerSchema),
  /** Tenders the till may take while offline; cash always. */
  offlineTenders: z.array(z.enum(OFFLINE_TENDER_KINDS)),
  /** The newest outbox event when the bundle was made: where the events stream resumes. */
  lastEventId: z.string().nullable(),
});
export type PosBundle = z.output<typeof PosBundleSchema>;
