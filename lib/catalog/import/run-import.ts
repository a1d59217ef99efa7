import { recordAudit } from "@/lib/audit/record-audit";
import { type Actor, actorLabel, actorRef } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Prisma, PrismaClient } from "@/lib/db/client";
import { AppError, conflict, notFound } from "@/lib/errors";
import { logger } from "@/lib/log";
import { IMPORT_LIMITS } from "../limits";
import { type ApplyResult, applyImportPlan } from "./apply-import";
import type { ImportReport } from "./report";
import { validateCatalogImport } from "./validate-import";

export interface DryRunOutcome {
  importId: string;
  report: ImportReport;
}

export interface ApplyOutcome extends DryRunOutcome {
  result: ApplyResult;
}

function assertSize(csv: string): void {
  if (Buffer.byteLength(csv, "utf8") > IMPORT_LIMITS.bytes) {
    const mb = IMPORT_LIMITS.bytes / 1024 / 1024;
    throw new AppError("invalid_input", `A file is at most ${mb} MB; split it.`, {
      fields: { file: [`A file is at most ${mb} MB; split it.`] },
    });
  }
}

/**
 * Checks a catalogue CSV without writing to the catalogue, and keeps the
 * file with its report so that what is applied later is exactly what was
 * reviewed.
 */
export async function dryRunCatalogImport(
  db: PrismaClient,
  actor: Actor,
  input: { fileName: string; csv: string },
): Promise<DryRunOutcome> {
  authorize(actor, "catalog:write");
  assertSize(input.csv);
  const plan = await validateCatalogImport(db, input.csv);
  const record = await db.catalogImport.create({
    data: {
      fileName: input.fileName.slice(0, 200) || "catalogue.csv",
      csv: input.csv,
      rowCount: plan.report.rowCount,
      errorRowCount: plan.report.errorRowCount,
      report: plan.report as unknown as Prisma.InputJsonValue,
      actor: actorRef(actor),
      actorLabel: actorLabel(actor),
    },
  });
  return { importId: record.id, report: plan.report };
}

/**
 * Applies a dry-run import: checks the kept file again against the
 * catalogue as it is now, then writes every valid product (see
 * applyImportPlan). An import applies once; a second request is refused.
 */
export async function applyCatalogImport(
  db: PrismaClient,
  actor: Actor,
  input: { importId: string },
): Promise<ApplyOutcome> {
  authorize(actor, "catalog:write");
  const record = await db.catalogImport.findUnique({ where: { id: input.importId } });
  if (!record) throw notFound("The import");

  // Claimed atomically, so a double click or two tabs apply it once.
  const claimed = await db.catalogImport.updateMany({
    where: { id: record.id, status: "VALIDATED" },
    data: { status: "APPLIED", appliedAt: new Date() },
  });
  if (claimed.count === 0) throw conflict("This import has already been applied.");

  const plan = await validateCatalogImport(db, record.csv);
  let result: ApplyResult;
  try {
    result = await applyImportPlan(db, actor, plan.products);
  } catch (error) {
    logger.error(
      { err: error, importId: record.id },
      "catalogue import failed while applying",
    );
    await db.catalogImport.update({
      where: { id: record.id },
      data: { result: { error: "The import stopped part-way; run it again to finish." } },
    });
    throw error;
  }

  const report: ImportReport = {
    ...plan.report,
    issues: [...plan.report.issues, ...result.failed].sort((a, b) => a.row - b.row),
    errorCount: plan.report.errorCount + result.failed.length,
  };
  await db.$transaction(async (tx) => {
    await tx.catalogImport.update({
      where: { id: record.id },
      data: {
        report: report as unknown as Prisma.InputJsonValue,
        errorRowCount: report.errorRowCount + result.failed.length,
        result: result as unknown as Prisma.InputJsonValue,
      },
    });
    await recordAudit(tx, {
      actor,
      action: "catalog_import.applied",
      entityType: "catalog_import",
      entityId: record.id,
      after: {
        fileName: record.fileName,
        rowCount: record.rowCount,
        productsCreated: result.productsCreated,
        productsUpdated: result.productsUpdated,
        variantsCreated: result.variantsCreated,
        variantsUpdated: result.variantsUpdated,
        notWritten: plan.report.invalidProductCount + result.failed.length,
      },
    });
  });
  logger.info(
    { importId: record.id, ...result, failed: result.failed.length },
    "catalogue import applied",
  );
  return { importId: record.id, report, result };
}

/** For the API: a dry run, or a dry run applied at once. */
export async function importCatalogCsv(
  db: PrismaClient,
  actor: Actor,
  input: { fileName: string; csv: string; isDryRun: boolean },
): Promise<DryRunOutcome | ApplyOutcome> {
  const dryRun = await dryRunCatalogImport(db, actor, input);
  if (input.isDryRun) return dryRun;
  return applyCatalogImport(db, actor, { importId: dryRun.importId });
}
