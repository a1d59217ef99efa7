import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { DEMO_SIGN_INS } from "@/lib/db/seed";

type Role = (typeof DEMO_SIGN_INS)[number]["role"];

/** The first demo sign-in of a role, as seeded into the test database. */
export function accountFor(role: Role) {
  const account = DEMO_SIGN_INS.find((s) => s.role === role);
  if (!account) throw new Error(`the demo data has no ${role}`);
  return account;
}

/** Signs in through the staff sign-in page and waits to leave it. */
export async function signInAsStaff(page: Page, role: Role, callbackUrl = "/admin") {
  const account = accountFor(role);
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Argon2 and the first render of the destination can take a while on a
  // busy machine; the default five seconds is not about this behaviour.
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 20_000 });
  return account;
}
