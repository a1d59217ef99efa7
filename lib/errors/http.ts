import { logger } from "@/lib/log";
import { AppError, type ErrorCode, isAppError } from "./app-error";

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 422,
  not_found: 404,
  unauthenticated: 401,
  forbidden: 403,
  conflict: 409,
  insufficient_stock: 409,
  payment_declined: 402,
  rate_limited: 429,
  internal: 500,
};

export function statusFor(code: ErrorCode): number {
  return STATUS[code];
}

/**
 * Normalises anything thrown into an AppError. Unknown errors are logged
 * with their stack and become `internal`, so no raw database or vendor
 * message reaches a person. A refusal of the caller's request (bad input,
 * sold out, declined, not found) is an outcome, not a fault: it is logged
 * at info with its code, internal message and fields, without a stack,
 * which would cost more to format than answering the request did.
 */
export function toAppError(
  error: unknown,
  context: Record<string, unknown> = {},
): AppError {
  if (isAppError(error)) {
    if (error.code === "internal") {
      logger.error({ ...context, code: error.code, err: error }, error.message);
    } else {
      logger.info({ ...context, code: error.code, fields: error.fields }, error.message);
    }
    return error;
  }
  logger.error({ ...context, err: error }, "unexpected error");
  return new AppError("internal", "Something went wrong on our side. Please try again.", {
    cause: error,
  });
}

/** An application/problem+json response (RFC 9457) for an error. */
export function problemResponse(error: unknown, context: Record<string, unknown> = {}) {
  const appError = toAppError(error, context);
  const status = statusFor(appError.code);
  const body = {
    type: `https://omnitill.dev/problems/${appError.code}`,
    title: appError.publicMessage,
    status,
    code: appError.code,
    ...(appError.fields ? { fields: appError.fields } : {}),
    ...(appError.retryAfterSeconds
      ? { retryAfterSeconds: appError.retryAfterSeconds }
      : {}),
  };
  const headers: Record<string, string> = { "content-type": "application/problem+json" };
  if (appError.retryAfterSeconds)
    headers["retry-after"] = String(appError.retryAfterSeconds);
  return new Response(JSON.stringify(body), { status, headers });
}

/** The result a server action returns to a form. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fields?: Record<string, string[]> };

export function actionError(error: unknown, context: Record<string, unknown> = {}) {
  const appError = toAppError(error, context);
  return {
    ok: false as const,
    code: appError.code,
    message: appError.publicMessage,
    ...(appError.fields ? { fields: appError.fields } : {}),
  };
}

export { AppError };
