/**
 * Inputs of the promotion writes, shared by the back-office forms and the
 * API. A promotion's definition is validated by the engine's own
 * PromotionSchema, so nothing is stored that the engine would refuse.
 */
import { z } from "zod";
import { normalizeCode, type Promotion, PromotionSchema } from "@/lib/pricing";

/** The id a definition is checked with before its row exists; never stored. */
const PLACEHOLDER_ID = "new";

/** The engine's PromotionSchema, for a definition sent without an id. */
export const DefinitionSchema = z.preprocess(
  (value) =>
    value !== null && typeof value === "object" && !Array.isArray(value)
      ? { ...value, id: PLACEHOLDER_ID }
      : value,
  PromotionSchema,
);

export const CreatePromotionSchema = z.strictObject({
  /** Notes for merchandisers; never shown to shoppers. */
  description: z.string().trim().max(2000).default(""),
  /** false saves it paused. */
  isActive: z.boolean().default(true),
  definition: DefinitionSchema,
});

export const UpdatePromotionSchema = z
  .strictObject({
    id: z.string().trim().min(1).max(200),
    /** The version the editor loaded; a newer save refuses a stale one. */
    expectedVersion: z.int().min(1).optional(),
    description: z.string().trim().max(2000).optional(),
    isActive: z.boolean().optional(),
    definition: DefinitionSchema.optional(),
  })
  .refine(
    (input) =>
      input.description !== undefined ||
      input.isActive !== undefined ||
      input.definition !== undefined,
    { message: "Change at least one of description, isActive or definition." },
  );

const CodeText = z
  .string()
  .trim()
  .min(3, "Use at least 3 characters.")
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Use letters, digits, - and _ only.")
  .transform(normalizeCode);

export const AddPromotionCodeSchema = z.strictObject({
  promotionId: z.string().trim().min(1).max(200),
  code: CodeText,
  /** Uses allowed of this code; null for no limit of its own. */
  usageLimit: z.int().min(1).max(10_000_000).nullable().default(null),
});

export const GeneratePromotionCodesSchema = z.strictObject({
  promotionId: z.string().trim().min(1).max(200),
  count: z
    .int()
    .min(1, "Generate at least one code.")
    .max(10_000, "At most 10,000 at once."),
  /** Put before each code, e.g. "VIP-". */
  prefix: z
    .string()
    .trim()
    .max(12)
    .regex(/^[A-Za-z0-9_-]*$/, "Use letters, digits, - and _ only.")
    .transform(normalizeCode)
    .default(""),
});

export type CreatePromotionInput = z.input<typeof CreatePromotionSchema>;
export type UpdatePromotionInput = z.input<typeof UpdatePromotionSchema>;
export type AddPromotionCodeInput = z.input<typeof AddPromotionCodeSchema>;
export type GeneratePromotionCodesInput = z.input<typeof GeneratePromotionCodesSchema>;

/** A definition as stored: the engine's promotion without the id its row holds. */
export type StoredDefinition = Omit<Promotion, "id">;

/** Drops the id from a parsed definition before it is stored. */
export function toStoredDefinition(promotion: Promotion): StoredDefinition {
  const { id: _id, ...definition } = promotion;
  return definition;
}
