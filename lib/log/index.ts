import pino from "pino";

/**
 * The one logger. Structured JSON in production; tests keep it quiet
 * unless LOG_LEVEL says otherwise. Request handlers take a child carrying
 * the request id and the actor (see `requestLogger`).
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "omnitill" },
  redact: {
    paths: [
      "password",
      "*.password",
      "passwordHash",
      "*.passwordHash",
      "pin",
      "*.pin",
      "key",
    ],
    censor: "[redacted]",
  },
});

export type Logger = typeof logger;

export interface RequestLogContext {
  requestId?: string;
  actor?: string;
  role?: string;
  locationId?: string;
  registerId?: string;
}

export function requestLogger(context: RequestLogContext): Logger {
  return logger.child(context);
}
