/** What the dry run says about a file: problems and tidy-ups, by row and column. */

export const ISSUE_CODES = [
  "malformed_csv",
  "empty_file",
  "too_many_rows",
  "missing_column",
  "duplicate_column",
  "unknown_column",
  "missing_required",
  "too_long",
  "invalid_character",
  "invalid_handle",
  "invalid_sku",
  "invalid_value",
  "duplicate_in_file",
  "duplicate_in_database",
  "invalid_barcode",
  "wrong_check_digit",
  "not_a_number",
  "negative_number",
  "too_precise",
  "too_large",
  "unknown_category",
  "unknown_option",
  "duplicate_options",
  "inconsistent_product_field",
  "too_many_variants",
  "compare_at_not_higher",
  "conflict_on_apply",
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

export interface ImportIssue {
  /** Spreadsheet row: the header is row 1, the first product row is 2. */
  row: number;
  /** Header name as in the file, or null for the whole row or file. */
  column: string | null;
  /** Spreadsheet column letter, e.g. "P". */
  columnLetter: string | null;
  severity: "error" | "warning";
  code: IssueCode;
  message: string;
  /** The value as found, when it helps to see it. */
  value?: string;
}

export interface ImportChange {
  row: number;
  column: string;
  columnLetter: string;
  from: string;
  to: string;
  reason: string;
}

export interface ImportReport {
  rowCount: number;
  productCount: number;
  /** Products with no error on any of their rows: what apply writes. */
  validProductCount: number;
  invalidProductCount: number;
  /** Rows with at least one error. */
  errorRowCount: number;
  errorCount: number;
  warningCount: number;
  /** What applying would do, for the valid products. */
  plan: {
    productsToCreate: number;
    productsToUpdate: number;
    variantsToCreate: number;
    variantsToUpdate: number;
    variantsUnchanged: number;
  };
  issues: ImportIssue[];
  changes: ImportChange[];
  /** True when more issues or changes were found than the report keeps. */
  isTruncated: boolean;
}

/** The report keeps at most this many issues and changes each. */
export const REPORT_LIMIT = 5_000;
