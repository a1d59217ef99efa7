"use server";

import { db } from "@/lib/db/client";
import { ResendEmailSchema, resendEmail } from "@/lib/email/resend-email";
import { staffAction } from "@/lib/next/staff-action";

/** Sends a failed email again, once, now. */
export const resendEmailAction = staffAction(
  "settings:manage",
  ResendEmailSchema,
  (input, staff) => resendEmail(db, { actor: staff, input }),
);
