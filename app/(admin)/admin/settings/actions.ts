"use server";

import { db } from "@/lib/db/client";
import { staffAction } from "@/lib/next/staff-action";
import { settingsSchema } from "@/lib/settings/schemas";
import { updateSettings } from "@/lib/settings/update-settings";

export const updateSettingsAction = staffAction(
  "settings:manage",
  settingsSchema,
  async (input, staff) => {
    const settings = await updateSettings(db, staff, input);
    return { businessName: settings.businessName };
  },
);
