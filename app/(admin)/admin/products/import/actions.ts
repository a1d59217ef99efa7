"use server";

import { z } from "zod";
import { applyCatalogImport } from "@/lib/catalog/import/run-import";
import { db } from "@/lib/db/client";
import { staffAction } from "@/lib/next/staff-action";

export const applyImportAction = staffAction(
  "catalog:write",
  z.object({ importId: z.uuid() }),
  async (input, staff) => {
    const outcome = await applyCatalogImport(db, staff, input);
    return { report: outcome.report, result: outcome.result };
  },
);
