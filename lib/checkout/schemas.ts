/**
 * The inputs of carts and checkout, one zod schema each, shared by the
 * API routes, the storefront and POS actions and the tests.
 */
import { z } from "zod";
import { TendersSchema } from "@/lib/payments/tenders";

const Id = z.string().trim().min(1).max(200);

export const FulfillmentSchema = z.enum(["SHIP", "PICKUP", "CARRY_OUT"]);

/** Where shipped lines go. Countries are ISO 3166-1 alpha-2. */
export const ShippingAddressSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  line1: z.string().trim().min(1).max(200),
  line2: z.string().trim().max(200).nullable().optional(),
  city: z.string().trim().min(1).max(100),
  region: z.string().trim().max(20).nullable().optional(),
  postalCode: z.string().trim().min(1).max(20),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Use a two-letter country code."),
  phone: z.string().trim().max(40).nullable().optional(),
});
export type ShippingAddress = z.output<typeof ShippingAddressSchema>;

export const CreateCartSchema = z.strictObject({
  channel: z.enum(["WEB", "POS", "API"]).default("API"),
  /** The POS store, or the shopper's chosen store for pickup. */
  locationId: Id.nullable().optional(),
  registerId: Id.nullable().optional(),
  customerId: Id.nullable().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "Use a three-letter ISO 4217 code.")
    .optional(),
  email: z.email().max(320).nullable().optional(),
  shippingAddress: ShippingAddressSchema.nullable().optional(),
});
export type CreateCartInput = z.input<typeof CreateCartSchema>;

export const AddCartLineSchema = z.strictObject({
  variantId: Id,
  quantity: z.int().min(1).max(1000),
  fulfillment: FulfillmentSchema,
  /** Pickup or carry-out store; for shipping, a chosen location (else routed). */
  locationId: Id.nullable().optional(),
});
export type AddCartLineInput = z.input<typeof AddCartLineSchema>;

export const UpdateCartLineSchema = z
  .strictObject({
    quantity: z.int().min(1).max(1000).optional(),
    fulfillment: FulfillmentSchema.optional(),
    locationId: Id.nullable().optional(),
  })
  .refine((input) => Object.keys(input).length > 0, "Change at least one field.");
export type UpdateCartLineInput = z.input<typeof UpdateCartLineSchema>;

export const CartDetailsSchema = z.strictObject({
  email: z.email().max(320).nullable().optional(),
  shippingAddress: ShippingAddressSchema.nullable().optional(),
  customerId: Id.nullable().optional(),
});
export type CartDetailsInput = z.input<typeof CartDetailsSchema>;

export const CartCodeSchema = z.strictObject({
  code: z.string().trim().min(1).max(64),
});

export const CheckoutSchema = z.strictObject({
  tenders: TendersSchema.default(() => []),
  /** Reserve online, pay in store: every line must be a pickup. */
  isPayAtPickup: z.boolean().default(false),
  email: z.email().max(320).nullable().optional(),
  shippingAddress: ShippingAddressSchema.nullable().optional(),
  /**
   * The total the shopper was shown; when the price changed since, the
   * checkout is refused with the new total instead of charging it.
   */
  expectedTotalMinor: z.int().min(0).optional(),
});
export type CheckoutInput = z.input<typeof CheckoutSchema>;
