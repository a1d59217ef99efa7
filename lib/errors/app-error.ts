/**
 * The one error type of the domain. Every failure a person can cause or
 * meet has a code from a closed set, a message safe to show, and an
 * internal message for the logs. Route handlers and server actions map it
 * in one place (lib/errors/http.ts); nothing else invents status codes.
 */
export const ERROR_CODES = [
  /** The input failed validation; `fields` says which and why. */
  "invalid_input",
  /** The record does not exist, or the actor may not know it exists. */
  "not_found",
  /** Not signed in, or the credentials are wrong. */
  "unauthenticated",
  /** Signed in, but the role or location does not allow it. */
  "forbidden",
  /** The request clashes with the current state (duplicate, stale, busy). */
  "conflict",
  /** Not enough stock to take the reservation or sale. */
  "insufficient_stock",
  /** The payment provider declined the tender. */
  "payment_declined",
  /** Too many attempts; `retryAfterSeconds` says when to try again. */
  "rate_limited",
  /** A fault of ours or of a vendor; the person sees plain words. */
  "internal",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Field path (dot separated) to the reasons it was refused. */
export type FieldErrors = Record<string, string[]>;

export interface AppErrorOptions {
  /** Message for the logs; defaults to the public message. */
  internal?: string;
  fields?: FieldErrors;
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly publicMessage: string;
  readonly fields?: FieldErrors;
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, publicMessage: string, options: AppErrorOptions = {}) {
    super(options.internal ?? publicMessage, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.publicMessage = publicMessage;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

export const notFound = (what: string, internal?: string) =>
  new AppError("not_found", `${what} was not found.`, { internal });

export const forbidden = (internal?: string) =>
  new AppError("forbidden", "You do not have permission to do that.", { internal });

export const conflict = (message: string, internal?: string) =>
  new AppError("conflict", message, { internal });
