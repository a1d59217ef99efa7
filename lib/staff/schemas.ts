import { z } from "zod";
import { passwordProblems } from "@/lib/auth/password-rules";
import { STAFF_ROLES } from "@/lib/auth/permissions";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address." }));

/** A new password: long enough and not one of the common ones. */
export const passwordSchema = z.string().superRefine((password, context) => {
  for (const message of passwordProblems(password)) {
    context.addIssue({ code: "custom", message });
  }
});

/** Refuses a password built from the person's own email or name. */
export function refinePersonalPassword(
  value: { email?: string; name?: string; password?: string },
  context: z.RefinementCtx,
): void {
  // The field's own check already named any general problem.
  if (!value.password || passwordProblems(value.password).length > 0) return;
  const [message] = passwordProblems(value.password, value);
  if (message) context.addIssue({ code: "custom", message, path: ["password"] });
}

export const pinSchema = z
  .string()
  .regex(/^\d{4,6}$/, { error: "A PIN is 4 to 6 digits." })
  .refine((pin) => !isGuessablePin(pin), {
    error: "Choose a PIN that is not one digit repeated or a run like 1234.",
  });

/** One digit repeated, or digits counting up or down by one. */
export function isGuessablePin(pin: string): boolean {
  if (/^(\d)\1+$/.test(pin)) return true;
  const steps = [...pin].slice(1).map((d, i) => Number(d) - Number(pin[i]));
  return steps.every((step) => step === 1) || steps.every((step) => step === -1);
}

export const createStaffUserSchema = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(1, { error: "Enter a name." }).max(120),
    role: z.enum(STAFF_ROLES, {
      error: `Role must be one of ${STAFF_ROLES.join(", ")}.`,
    }),
    password: passwordSchema,
    pin: pinSchema.optional(),
    locationCodes: z.array(z.string().trim().min(1)).default([]),
  })
  .superRefine(refinePersonalPassword);

export type CreateStaffUserInput = z.input<typeof createStaffUserSchema>;

export const staffSignInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { error: "Enter your password." }).max(200),
});

const staffId = z.uuid({ error: "Unknown staff member." });

/** Name, role and the locations a staff member works at, as an edit sets them. */
export const updateStaffUserSchema = z.object({
  staffId,
  name: z.string().trim().min(1, { error: "Enter a name." }).max(120),
  role: z.enum(STAFF_ROLES, { error: "Choose a role." }),
  locationIds: z
    .array(z.uuid({ error: "Unknown location." }))
    .max(200)
    .default([]),
});

export const setStaffActiveSchema = z.object({ staffId, isActive: z.boolean() });

export const resetStaffPasswordSchema = z.object({ staffId, password: passwordSchema });

/** A new PIN, or null to remove it. */
export const setStaffPinSchema = z.object({ staffId, pin: pinSchema.nullable() });
