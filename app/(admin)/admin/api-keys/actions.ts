"use server";

import {
  createApiKey,
  createApiKeySchema,
  revokeApiKey,
  revokeApiKeySchema,
} from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";
import { staffAction } from "@/lib/next/staff-action";

export const createApiKeyAction = staffAction(
  "api_keys:manage",
  createApiKeySchema,
  async (input, staff) => {
    const created = await createApiKey(db, staff, input);
    // The whole key goes back once, to be copied now; only its hash is kept.
    return { id: created.id, key: created.key };
  },
);

export const revokeApiKeyAction = staffAction(
  "api_keys:manage",
  revokeApiKeySchema,
  (input, staff) => revokeApiKey(db, staff, input),
);
