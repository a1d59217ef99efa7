/**
 * Terminal output for the migration scripts: plain lines for a person,
 * where the app itself logs JSON through lib/log.
 */

import { isAppError } from "@/lib/errors";
import type { MigrationLog } from "./apply";

export function printLine(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Migration progress as plain lines. */
export const cliLog: MigrationLog = {
  info: (_fields, message) => printLine(message),
  warn: (_fields, message) => printLine(`warning: ${message}`),
};

/** One readable line for a failure; a stack only for the unexpected. */
export function describeFailure(error: unknown): string {
  if (isAppError(error)) return `error: ${error.publicMessage}`;
  if (error instanceof Error) return `error: ${error.stack ?? error.message}`;
  return `error: ${String(error)}`;
}
