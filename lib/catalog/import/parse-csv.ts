import { parse } from "csv-parse/sync";

export interface CsvRecord {
  /** Spreadsheet row: the header is row 1. */
  row: number;
  cells: string[];
}

export interface ParsedCsv {
  header: string[];
  records: CsvRecord[];
  delimiter: "," | ";" | "\t";
  /** A file that could not be read to the end, and where it broke. */
  failure: { row: number; message: string } | null;
}

export interface DecodedCsv {
  text: string;
  /** Set when the file was not UTF-8 and was read as Windows-1252. */
  encodingNote: string | null;
}

/**
 * Reads an uploaded file's bytes. UTF-8 is expected; a file that is not
 * valid UTF-8 is almost always Excel's Windows-1252, which is read as such
 * and said so (a "£" would otherwise turn into a replacement character).
 */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  try {
    return {
      text: new TextDecoder("utf-8", { fatal: true }).decode(bytes),
      encodingNote: null,
    };
  } catch {
    return {
      text: new TextDecoder("windows-1252").decode(bytes),
      encodingNote:
        "The file is not UTF-8; it was read as Windows-1252 (Excel's usual CSV encoding). " +
        "Check accented letters and currency signs in the report.",
    };
  }
}

/** Semicolons (European Excel) or tabs when the header uses them instead of commas. */
function detectDelimiter(text: string): ParsedCsv["delimiter"] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => firstLine.split(c).length - 1;
  if (count(",") > 0) return ",";
  if (count(";") > 0) return ";";
  if (count("\t") > 0) return "\t";
  return ",";
}

/**
 * Splits a CSV into its header and records, numbering records as a
 * spreadsheet shows them (blank lines count as rows, a quoted cell with
 * line breaks is one row). A quote left open stops the reading at the row
 * where it opened; the rows before it are still returned.
 */
export function parseCsv(text: string): ParsedCsv {
  const body = text.replace(/^\ufeff/, "");
  const delimiter = detectDelimiter(body);
  let failure: ParsedCsv["failure"] = null;
  let readable = body;

  const unclosed = findUnclosedQuote(body, delimiter);
  if (unclosed) {
    readable = body.slice(0, unclosed.recordStart);
    failure = {
      row: unclosed.row,
      message:
        "A quote opened in this row is never closed, so the rest of the file cannot be read.",
    };
  }

  let rows: string[][] = [];
  try {
    rows = parse(readable, {
      delimiter,
      relax_column_count: true,
      // A stray inch mark in an unquoted cell (12" pillow) is kept as text.
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const info = error as { message?: string; records?: number };
    failure = {
      row: (info.records ?? 0) + 1,
      message: `The file is not valid CSV here: ${info.message ?? "unreadable"}.`,
    };
  }

  const records = rows.map((cells, index) => ({ row: index + 1, cells }));
  const [headerRecord, ...rest] = records;
  return {
    header: headerRecord?.cells ?? [],
    records: rest.filter((r) => r.cells.some((c) => c.trim() !== "")),
    delimiter,
    failure,
  };
}

/**
 * Where a quoted cell opens and never closes (RFC 4180: a quote opens a
 * cell only at its start; "" inside is a literal quote). Returns the row
 * of that record and the offset where the record starts.
 */
export function findUnclosedQuote(
  text: string,
  delimiter: string,
): { row: number; recordStart: number } | null {
  let row = 1;
  let recordStart = 0;
  let isQuoted = false;
  let isCellStart = true;

  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (isQuoted) {
      if (c === '"') {
        if (text[i + 1] === '"') i += 1;
        else isQuoted = false;
      }
      continue;
    }
    if (c === '"' && isCellStart) {
      isQuoted = true;
      isCellStart = false;
    } else if (c === delimiter) {
      isCellStart = true;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i += 1;
      row += 1;
      recordStart = i + 1;
      isCellStart = true;
    } else {
      isCellStart = false;
    }
  }
  return isQuoted ? { row, recordStart } : null;
}
