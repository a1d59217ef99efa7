import { AsyncLocalStorage } from "node:async_hooks";

/** Where a change came from: the device's address and browser, if known. */
export interface AuditContext {
  ipAddress?: string | null;
  userAgent?: string | null;
}

const storage = new AsyncLocalStorage<AuditContext>();

/**
 * Runs `work` with the request's origin at hand, so every audit entry it
 * writes records the address and device without each caller passing them.
 */
export function withAuditContext<T>(context: AuditContext, work: () => T): T {
  return storage.run(context, work);
}

/** The origin of the change being made, or an empty one outside a request. */
export function currentAuditContext(): AuditContext {
  return storage.getStore() ?? {};
}
