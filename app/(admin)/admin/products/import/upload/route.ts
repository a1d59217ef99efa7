import { decodeCsv } from "@/lib/catalog/import/parse-csv";
import { dryRunCatalogImport } from "@/lib/catalog/import/run-import";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { staffRoute } from "@/lib/next/staff-route";

/** Uploads a catalogue CSV (multipart field "file") and answers its dry-run report. */
export const POST = staffRoute("catalog:write", async (request, staff) => {
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File) || file.size === 0) {
    throw new AppError("invalid_input", "Choose a CSV file.", {
      fields: { file: ["Choose a CSV file."] },
    });
  }
  const decoded = decodeCsv(new Uint8Array(await file.arrayBuffer()));
  const outcome = await dryRunCatalogImport(db, staff, {
    fileName: file.name,
    csv: decoded.text,
  });
  return Response.json({ ...outcome, encodingNote: decoded.encodingNote });
});
