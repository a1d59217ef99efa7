import { decodeCsv } from "@/lib/catalog/import/parse-csv";
import { importCatalogCsv } from "@/lib/catalog/import/run-import";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/next/api-route";

/**
 * Imports a catalogue CSV, sent as the body (text/csv) or as the field
 * "file" of a multipart form. `?dryRun=true` only reports; otherwise the
 * valid products are written and the report says what was not.
 */
export const POST = apiRoute("catalog:write", async (request, { actor, log }) => {
  const url = new URL(request.url);
  const dryRunParam = url.searchParams.get("dryRun");
  if (dryRunParam !== null && dryRunParam !== "true" && dryRunParam !== "false") {
    throw new AppError("invalid_input", "Some fields need attention.", {
      fields: { dryRun: ["Use dryRun=true or dryRun=false."] },
    });
  }

  const { bytes, fileName } = await readUpload(request);
  const decoded = decodeCsv(bytes);
  const outcome = await importCatalogCsv(db, actor, {
    fileName,
    csv: decoded.text,
    isDryRun: dryRunParam === "true",
  });
  log.info(
    { importId: outcome.importId, isDryRun: dryRunParam === "true" },
    "catalogue import",
  );
  return Response.json(
    { ...outcome, encodingNote: decoded.encodingNote },
    { status: "result" in outcome ? 201 : 200 },
  );
});

async function readUpload(
  request: Request,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    if (file instanceof File && file.size > 0) {
      return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name };
    }
  } else {
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.length > 0) return { bytes, fileName: "api-upload.csv" };
  }
  throw new AppError(
    "invalid_input",
    'Send the CSV as the body or as the form field "file".',
    {
      fields: { file: ["Send a CSV file."] },
    },
  );
}
