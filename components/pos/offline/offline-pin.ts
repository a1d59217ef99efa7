/**
 * Switching associate at a till with no network: the PIN is checked in
 * the browser against the Argon2id hashes the bundle carries (the same
 * hashes the server checks), with hash-wasm's WebAssembly Argon2. After
 * a few wrong PINs in a row the till waits before trying again.
 */
import { argon2Verify } from "hash-wasm";

export interface PinHolder {
  id: string;
  name: string;
  pinHash: string | null;
}

const WRONG_LIMIT = 5;
const LOCKOUT_MS = 30_000;

export function createPinChecker(now: () => number = Date.now) {
  let wrong = 0;
  let lockedUntil = 0;
  return async function check<T extends PinHolder>(
    staff: readonly T[],
    pin: string,
  ): Promise<
    { kind: "found"; member: T } | { kind: "wrong" } | { kind: "locked"; seconds: number }
  > {
    if (now() < lockedUntil) {
      return { kind: "locked", seconds: Math.ceil((lockedUntil - now()) / 1000) };
    }
    for (const member of staff) {
      if (!member.pinHash) continue;
      const isMatch = await argon2Verify({ password: pin, hash: member.pinHash }).catch(
        () => false,
      );
      if (isMatch) {
        wrong = 0;
        return { kind: "found", member };
      }
    }
    wrong += 1;
    if (wrong >= WRONG_LIMIT) {
      wrong = 0;
      lockedUntil = now() + LOCKOUT_MS;
    }
    return { kind: "wrong" };
  };
}
