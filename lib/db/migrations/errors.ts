import { AppError } from "@/lib/errors";

/** Why the migration tools stopped; tests and scripts branch on it. */
export type MigrationErrorReason =
  /** An applied migration's migration.sql no longer matches its checksum. */
  | "edited"
  /** A migration failed earlier and has not been marked rolled back. */
  | "failed"
  /** The database has tables but no migration history to build on. */
  | "not_empty"
  /** A migration folder cannot be read or named as Prisma expects. */
  | "invalid_folder"
  /** migration_lock.toml names another database provider. */
  | "provider_mismatch"
  /** The SQL of a migration raised an error; it was rolled back. */
  | "apply_failed"
  /** The schema engine refused the schema or could not start. */
  | "engine";

/**
 * A migration problem an operator has to fix. It is an AppError (one error
 * type) whose public message is written for whoever runs the migrations.
 */
export class MigrationError extends AppError {
  readonly reason: MigrationErrorReason;
  /** The migrations the problem is about, by folder name. */
  readonly migrationNames: string[];

  constructor(
    reason: MigrationErrorReason,
    message: string,
    options: { migrationNames?: string[]; cause?: unknown } = {},
  ) {
    const code =
      reason === "apply_failed" || reason === "engine" ? "internal" : "conflict";
    super(code, message, { cause: options.cause });
    this.name = "MigrationError";
    this.reason = reason;
    this.migrationNames = options.migrationNames ?? [];
  }
}
