import { z } from "zod";
import { STAFF_ROLES } from "@/lib/auth/permissions";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address." }));

export const passwordSchema = z
  .string()
  .min(10, { error: "Use at least 10 characters." })
  .max(200, { error: "Use at most 200 characters." });

export const pinSchema = z
  .string()
  .regex(/^\d{4,6}$/, { error: "A PIN is 4 to 6 digits." });

export const createStaffUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, { error: "Enter a name." }).max(120),
  role: z.enum(STAFF_ROLES, { error: `Role must be one of ${STAFF_ROLES.join(", ")}.` }),
  password: passwordSchema,
  pin: pinSchema.optional(),
  locationCodes: z.array(z.string().trim().min(1)).default([]),
});

export type CreateStaffUserInput = z.input<typeof createStaffUserSchema>;

export const staffSignInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { error: "Enter your password." }).max(200),
});
