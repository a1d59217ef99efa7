import { z } from "zod";
import { tidyPostcode } from "@/lib/geo/postcode";
import { emailSchema, passwordSchema, refinePersonalPassword } from "@/lib/staff/schemas";

const name = (label: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `Enter your ${label}.` })
    .max(100, { error: `Keep your ${label} under 100 characters.` });

const phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[+\d\s()-]*$/, { error: "Use digits, spaces and + ( ) - only." })
  .transform((value) => (value === "" ? null : value))
  .nullable()
  .optional();

export const signUpSchema = z
  .object({
    firstName: name("first name"),
    lastName: name("last name"),
    email: emailSchema,
    password: passwordSchema,
    marketingOptIn: z.boolean().default(false),
  })
  .superRefine((value, context) =>
    refinePersonalPassword(
      { ...value, name: `${value.firstName} ${value.lastName}` },
      context,
    ),
  );
export type SignUpInput = z.input<typeof signUpSchema>;

export const profileSchema = z.object({
  firstName: name("first name"),
  lastName: name("last name"),
  phone,
  marketingOptIn: z.boolean().default(false),
});
export type ProfileInput = z.input<typeof profileSchema>;

export const addressSchema = z.object({
  /** Present when editing a saved address. */
  id: z.string().trim().min(1).max(64).optional(),
  label: z
    .string()
    .trim()
    .max(40)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional(),
  name: z.string().trim().min(1, { error: "Enter who it is for." }).max(200),
  line1: z.string().trim().min(1, { error: "Enter the first line." }).max(200),
  line2: z
    .string()
    .trim()
    .max(200)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional(),
  city: z.string().trim().min(1, { error: "Enter the town or city." }).max(100),
  region: z
    .string()
    .trim()
    .max(100)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional(),
  postalCode: z
    .string()
    .trim()
    .min(2, { error: "Enter the postcode." })
    .max(20)
    .transform(tidyPostcode),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { error: "Use a two-letter country code, e.g. GB." })
    .default("GB"),
  phone,
  isDefault: z.boolean().default(false),
});
export type AddressInput = z.input<typeof addressSchema>;
