import { columnLetter } from "./csv-columns";
import {
  type ImportChange,
  type ImportIssue,
  type ImportReport,
  type IssueCode,
  REPORT_LIMIT,
} from "./report";

/** Collects the issues and changes of one dry run. */
export class ImportContext {
  readonly issues: ImportIssue[] = [];
  readonly changes: ImportChange[] = [];
  readonly errorRows = new Set<number>();
  private readonly headerIndex = new Map<string, number>();

  constructor(readonly headers: readonly string[]) {
    headers.forEach((h, i) => {
      if (!this.headerIndex.has(h)) this.headerIndex.set(h, i);
    });
  }

  /** The column letter of a header (as normalised), or null. */
  letter(column: string | null): string | null {
    if (column === null) return null;
    const index = this.headerIndex.get(column);
    return index === undefined ? null : columnLetter(index);
  }

  error(
    row: number,
    column: string | null,
    code: IssueCode,
    message: string,
    value?: string,
  ) {
    this.errorRows.add(row);
    this.issues.push({
      row,
      column,
      columnLetter: this.letter(column),
      severity: "error",
      code,
      message,
      ...(value !== undefined ? { value: clip(value) } : {}),
    });
  }

  warn(
    row: number,
    column: string | null,
    code: IssueCode,
    message: string,
    value?: string,
  ) {
    this.issues.push({
      row,
      column,
      columnLetter: this.letter(column),
      severity: "warning",
      code,
      message,
      ...(value !== undefined ? { value: clip(value) } : {}),
    });
  }

  change(row: number, column: string, from: string, to: string, reason: string) {
    this.changes.push({
      row,
      column,
      columnLetter: this.letter(column) ?? "",
      from: clip(from),
      to: clip(to),
      reason,
    });
  }

  hasError(row: number): boolean {
    return this.errorRows.has(row);
  }

  /** The issues and changes sorted by row and column, capped for storage. */
  finish(
    counts: Omit<
      ImportReport,
      | "issues"
      | "changes"
      | "isTruncated"
      | "errorRowCount"
      | "errorCount"
      | "warningCount"
    >,
  ): ImportReport {
    const order = (a: { row: number; columnLetter: string | null }, b: typeof a) =>
      a.row - b.row ||
      (a.columnLetter ?? "").length - (b.columnLetter ?? "").length ||
      (a.columnLetter ?? "").localeCompare(b.columnLetter ?? "");
    const issues = [...this.issues].sort(order);
    const changes = [...this.changes].sort(order);
    return {
      ...counts,
      errorRowCount: this.errorRows.size,
      errorCount: issues.filter((i) => i.severity === "error").length,
      warningCount: issues.filter((i) => i.severity === "warning").length,
      issues: issues.slice(0, REPORT_LIMIT),
      changes: changes.slice(0, REPORT_LIMIT),
      isTruncated: issues.length > REPORT_LIMIT || changes.length > REPORT_LIMIT,
    };
  }
}

function clip(value: string): string {
  return value.length > 120 ? `${value.slice(0, 117)}…` : value;
}
