import { cookies } from "next/headers";
import type { StaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import {
  resolveTillOperator,
  signTillOperator,
  TILL_OPERATOR_TTL_MS,
  verifyTillOperator,
} from "@/lib/pos/till-operator";
import { authSecret } from "./auth-secret";

const COOKIE = "omnitill.till-operator";

/**
 * The staff member a till's action runs as: the colleague who switched in
 * by PIN on this device, or the member signed in. Sales, cart changes and
 * their audit entries are then recorded under the colleague.
 */
export async function tillActor(device: StaffActor): Promise<StaffActor> {
  const token = (await cookies()).get(COOKIE)?.value;
  const claim = token
    ? verifyTillOperator(token, { deviceStaffId: device.id, secret: authSecret() })
    : null;
  return resolveTillOperator(db, { device, claim });
}

/** Remembers, for this device's sign-in, who is now at the till. */
export async function setTillOperator(
  device: StaffActor,
  operator: StaffActor,
  locationId: string,
): Promise<void> {
  const store = await cookies();
  if (operator.id === device.id) {
    store.delete(COOKIE);
    return;
  }
  const token = signTillOperator(
    {
      device: device.id,
      operator: operator.id,
      locationId,
      exp: Date.now() + TILL_OPERATOR_TTL_MS,
    },
    authSecret(),
  );
  store.set(COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: (process.env.NEXTAUTH_URL ?? "").startsWith("https:"),
    maxAge: TILL_OPERATOR_TTL_MS / 1000,
  });
}
