"use server";

import { db } from "@/lib/db/client";
import { staffAction } from "@/lib/next/staff-action";
import { createStaffUser } from "@/lib/staff/create-staff-user";
import { resetStaffPassword } from "@/lib/staff/reset-staff-password";
import {
  createStaffUserSchema,
  resetStaffPasswordSchema,
  setStaffActiveSchema,
  setStaffPinSchema,
  updateStaffUserSchema,
} from "@/lib/staff/schemas";
import { setStaffActive } from "@/lib/staff/set-staff-active";
import { setStaffPin } from "@/lib/staff/set-staff-pin";
import { updateStaffUser } from "@/lib/staff/update-staff-user";

export const createStaffAction = staffAction(
  "staff:manage",
  createStaffUserSchema,
  async (input, staff) => {
    const user = await createStaffUser(db, staff, input);
    return { id: user.id };
  },
);

export const updateStaffAction = staffAction(
  "staff:manage",
  updateStaffUserSchema,
  (input, staff) => updateStaffUser(db, staff, input),
);

export const setStaffActiveAction = staffAction(
  "staff:manage",
  setStaffActiveSchema,
  (input, staff) => setStaffActive(db, staff, input),
);

export const resetStaffPasswordAction = staffAction(
  "staff:manage",
  resetStaffPasswordSchema,
  async (input, staff) => {
    await resetStaffPassword(db, staff, input);
    return { id: input.staffId };
  },
);

export const setStaffPinAction = staffAction(
  "staff:manage",
  setStaffPinSchema,
  (input, staff) => setStaffPin(db, staff, input),
);
