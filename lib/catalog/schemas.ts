/**
 * The catalogue's input schemas: the admin forms, POST/PATCH
 * /api/v1/products and the importer's per-field rules share these.
 * Amounts are integer minor units; text is tidied, then measured.
 */
import { z } from "zod";
import { hasRatePrecision } from "@/lib/money";
import { checkGtin } from "./barcode";
import { LIMITS } from "./limits";
import {
  cleanLine,
  cleanMultiline,
  describeInvalidCharacter,
  findInvalidCharacter,
  HANDLE_PATTERN,
  normalizeBarcode,
  normalizeSku,
  SKU_PATTERN,
} from "./text";

export const PRODUCT_STATUSES = ["DRAFT", "ACTIVE", "ARCHIVED"] as const;
export const TAX_CATEGORIES = ["STANDARD", "REDUCED", "ZERO", "EXEMPT"] as const;

function text(label: string, max: number, options: { isMultiline?: boolean } = {}) {
  return z
    .string({ error: `${label} must be text.` })
    .transform(options.isMultiline ? cleanMultiline : cleanLine)
    .pipe(
      z
        .string()
        .max(max, { error: `${label} is at most ${max} characters.` })
        .superRefine((value, ctx) => {
          const found = findInvalidCharacter(value, options);
          if (found)
            ctx.addIssue({ code: "custom", message: describeInvalidCharacter(found) });
        }),
    );
}

function required(label: string, max: number) {
  return text(label, max).pipe(
    z.string().min(1, { error: `Enter the ${label.toLowerCase()}.` }),
  );
}

/** Optional text where an empty value means "none"; absent stays absent (no change). */
function optionalText(label: string, max: number) {
  return text(label, max)
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v || null));
}

const amount = (label: string) =>
  z
    .number({ error: `${label} must be a number of minor units (pence).` })
    .int({ error: `${label} must be a whole number of minor units (pence).` })
    .min(0, { error: `${label} cannot be negative.` })
    .max(LIMITS.amountMinor, { error: `${label} is too large.` });

export const skuSchema = z
  .string({ error: "Enter a SKU." })
  .transform(normalizeSku)
  .pipe(
    z
      .string()
      .min(1, { error: "Enter a SKU." })
      .max(LIMITS.sku, { error: `A SKU is at most ${LIMITS.sku} characters.` })
      .regex(SKU_PATTERN, {
        error: "A SKU has letters, digits and . _ - / only, with no spaces.",
      }),
  );

/** A GTIN barcode or nothing; spaces and hyphens between digit groups are dropped. */
export const barcodeSchema = z
  .string({ error: "A barcode must be text." })
  .nullable()
  .optional()
  .transform((v) => (v ? normalizeBarcode(v) : null))
  .superRefine((value, ctx) => {
    if (value === null) return;
    const check = checkGtin(value);
    if (!check.isValid) ctx.addIssue({ code: "custom", message: check.message });
  });

export const handleSchema = z
  .string({ error: "Enter a handle." })
  .transform((v) => cleanLine(v).toLowerCase())
  .pipe(
    z
      .string()
      .min(1, { error: "Enter a handle." })
      .max(LIMITS.handle, { error: `A handle is at most ${LIMITS.handle} characters.` })
      .regex(HANDLE_PATTERN, {
        error:
          "A handle has lower-case letters, digits and single hyphens, e.g. merino-jumper.",
      }),
  );

export const attributeSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({
      key: required("Attribute name", LIMITS.attributeKey),
      type: z.literal("text"),
      value: required("Value", LIMITS.attributeValue),
    }),
    z.strictObject({
      key: required("Attribute name", LIMITS.attributeKey),
      type: z.literal("number"),
      value: z.number({ error: "Enter a number." }).finite(),
    }),
    z.strictObject({
      key: required("Attribute name", LIMITS.attributeKey),
      type: z.literal("boolean"),
      value: z.boolean({ error: "Choose yes or no." }),
    }),
  ],
  { error: "An attribute's type is text, number or boolean." },
);

export type ProductAttribute = z.output<typeof attributeSchema>;

const attributesSchema = z
  .array(attributeSchema)
  .max(LIMITS.attributes, { error: `At most ${LIMITS.attributes} attributes.` })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((attribute, index) => {
      const key = attribute.key.toLowerCase();
      if (seen.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: [index, "key"],
          message: `"${attribute.key}" is listed twice.`,
        });
      }
      seen.add(key);
    });
  });

const optionNamesSchema = z
  .array(required("Option name", LIMITS.optionName))
  .max(LIMITS.options, { error: `A product has at most ${LIMITS.options} options.` })
  .superRefine((names, ctx) => {
    const seen = new Set<string>();
    names.forEach((name, index) => {
      if (seen.has(name.toLowerCase())) {
        ctx.addIssue({
          code: "custom",
          path: [index],
          message: `"${name}" is listed twice.`,
        });
      }
      seen.add(name.toLowerCase());
    });
  });

export const variantInputSchema = z.strictObject({
  /** An existing variant of this product; absent for a new one. */
  id: z.uuid({ error: "Unknown variant." }).optional(),
  sku: skuSchema,
  barcode: barcodeSchema,
  optionValues: z.array(required("Option value", LIMITS.optionValue)).default([]),
  priceMinor: amount("Price"),
  compareAtMinor: amount("Compare-at price").nullable().optional().default(null),
  costMinor: amount("Cost").nullable().optional().default(null),
  weightGrams: z
    .number({ error: "Weight must be a number of grams." })
    .int({ error: "Weight is whole grams." })
    .min(0, { error: "Weight cannot be negative." })
    .max(LIMITS.weightGrams, { error: "Weight is too large." })
    .nullable()
    .optional()
    .default(null),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: "Currency is a three-letter code such as GBP." })
    .optional(),
  isActive: z.boolean().optional().default(true),
});

export type VariantInput = z.output<typeof variantInputSchema>;

const productFields = {
  title: required("Title", LIMITS.title),
  handle: handleSchema,
  description: text("Description", LIMITS.description, { isMultiline: true }).default(""),
  brand: optionalText("Brand", LIMITS.brand),
  categoryId: z
    .uuid({ error: "Choose a category from the list." })
    .nullable()
    .default(null),
  status: z.enum(PRODUCT_STATUSES, { error: "Status is draft, active or archived." }),
  taxCategory: z.enum(TAX_CATEGORIES, { error: "Choose a tax category." }),
  isFeatured: z.boolean().default(false),
  attributes: attributesSchema.default([]),
  optionNames: optionNamesSchema.default([]),
};

/** Variants agree with the option names and with each other. */
function checkVariants(
  input: { optionNames?: string[]; variants?: VariantInput[] },
  ctx: z.RefinementCtx,
  isCreate: boolean,
): void {
  const variants = input.variants ?? [];
  const optionCount = input.optionNames?.length;
  const skus = new Map<string, number>();
  const barcodes = new Map<string, number>();
  const combos = new Map<string, number>();

  variants.forEach((variant, index) => {
    const path = ["variants", index];
    if (
      optionCount !== undefined &&
      variant.isActive &&
      variant.optionValues.length !== optionCount
    ) {
      ctx.addIssue({
        code: "custom",
        path: [...path, "optionValues"],
        message: `Give one value for each option (${optionCount}).`,
      });
    }
    const earlierSku = skus.get(variant.sku);
    if (earlierSku !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: [...path, "sku"],
        message: `SKU ${variant.sku} is also on variant ${earlierSku + 1}.`,
      });
    } else skus.set(variant.sku, index);

    if (variant.barcode) {
      const earlier = barcodes.get(variant.barcode);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: [...path, "barcode"],
          message: `Barcode ${variant.barcode} is also on variant ${earlier + 1}.`,
        });
      } else barcodes.set(variant.barcode, index);
    }

    if (variant.isActive && variant.optionValues.length > 0) {
      const key = variant.optionValues.map((v) => v.toLowerCase()).join("\u0000");
      const earlier = combos.get(key);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: [...path, "optionValues"],
          message:
            `Variant ${earlier + 1} has the same options ` +
            `(${variant.optionValues.join(" / ")}).`,
        });
      } else combos.set(key, index);
    }

    if (variant.compareAtMinor !== null && variant.compareAtMinor <= variant.priceMinor) {
      ctx.addIssue({
        code: "custom",
        path: [...path, "compareAtMinor"],
        message: "A compare-at price is higher than the price (it shows the saving).",
      });
    }
    if (isCreate && variant.id) {
      ctx.addIssue({
        code: "custom",
        path: [...path, "id"],
        message: "A new product's variants have no id.",
      });
    }
  });
}

export const createProductSchema = z
  .strictObject({
    ...productFields,
    handle: handleSchema.optional(),
    status: productFields.status.default("DRAFT"),
    taxCategory: productFields.taxCategory.default("STANDARD"),
    variants: z
      .array(variantInputSchema)
      .min(1, { error: "A product needs at least one variant." })
      .max(LIMITS.variants, {
        error: `A product has at most ${LIMITS.variants} variants.`,
      }),
  })
  .superRefine((input, ctx) => checkVariants(input, ctx, true));

export type CreateProductInput = z.input<typeof createProductSchema>;
export type CreateProduct = z.output<typeof createProductSchema>;

/**
 * A change to a product: only the fields given change. Variants with an id
 * are updated, those without are added; variants not listed stay as they
 * are (deactivate one with isActive: false).
 */
export const updateProductSchema = z
  .strictObject({
    title: productFields.title.optional(),
    handle: handleSchema.optional(),
    description: text("Description", LIMITS.description, {
      isMultiline: true,
    }).optional(),
    brand: optionalText("Brand", LIMITS.brand),
    categoryId: z
      .uuid({ error: "Choose a category from the list." })
      .nullable()
      .optional(),
    status: productFields.status.optional(),
    taxCategory: productFields.taxCategory.optional(),
    isFeatured: z.boolean().optional(),
    attributes: attributesSchema.optional(),
    optionNames: optionNamesSchema.optional(),
    variants: z
      .array(variantInputSchema)
      .max(LIMITS.variants, {
        error: `A product has at most ${LIMITS.variants} variants.`,
      })
      .optional(),
  })
  .superRefine((input, ctx) => checkVariants(input, ctx, false));

export type UpdateProductInput = z.input<typeof updateProductSchema>;
export type UpdateProduct = z.output<typeof updateProductSchema>;

export const PRICE_FIELDS = ["priceMinor", "compareAtMinor"] as const;

/** A price change applied to a selection of variants. */
export const bulkUpdatePricesSchema = z
  .strictObject({
    variantIds: z
      .array(z.uuid())
      .min(1, { error: "Select at least one variant." })
      .max(5_000, { error: "Change at most 5,000 variants at once." }),
    field: z.enum(PRICE_FIELDS).default("priceMinor"),
    /** set: to an amount; add: plus or minus an amount; percent: by a percentage. */
    mode: z.enum(["set", "add", "percent"], { error: "Choose how to change the price." }),
    /** Minor units for set and add; percent for percent (e.g. -20 for 20% off). */
    value: z.number({ error: "Enter a number." }).finite(),
    /** Round results to end in this many minor units, e.g. 99 for .99; optional. */
    endingMinor: z.number().int().min(0).max(99).nullable().optional().default(null),
  })
  .superRefine((input, ctx) => {
    if (input.mode !== "percent" && !Number.isInteger(input.value)) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: "Enter an amount in pence.",
      });
    }
    if (input.mode === "set" && input.value < 0) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: "A price cannot be negative.",
      });
    }
    if (input.mode === "percent" && !hasRatePrecision(input.value)) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: "Use at most 4 decimals.",
      });
    }
    if (input.mode === "percent" && (input.value <= -100 || input.value > 1000)) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: "A percentage change is more than -100% and at most 1000%.",
      });
    }
  });

export type BulkUpdatePrices = z.output<typeof bulkUpdatePricesSchema>;
