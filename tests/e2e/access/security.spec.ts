import { expect, type Page, test } from "@playwright/test";
import { accountFor, signInAsStaff } from "../support/accounts";

/** Collects every content security policy violation the page reports. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`,
      );
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy|CSP violation/i.test(message.text())) {
      violations.push(`${page.url()}: ${message.text()}`);
    }
  });
  return violations;
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  await page.waitForLoadState("load");
  // Hydration and the first client requests run after load.
  await page.waitForTimeout(300);
  return response;
}

test("no page of any surface reports a content security policy violation", async ({
  page,
}) => {
  // Many pages in one test: give it the time of several.
  test.slow();
  const violations = await watchCsp(page);

  await visit(page, "/");
  const product = await page
    .locator('a[href^="/products/"]')
    .first()
    .getAttribute("href");
  expect(product).toBeTruthy();
  for (const path of [
    product ?? "/",
    "/categories/women",
    "/categories/women?size=M&colour=Navy",
    "/no-such-page",
    "/search?q=shirt",
    "/account/sign-in",
    "/sign-in",
  ]) {
    await visit(page, path);
  }

  await signInAsStaff(page, "OWNER", "/admin");
  for (const path of [
    "/admin",
    "/admin/products",
    "/admin/locations",
    "/admin/locations/new",
    "/admin/staff",
    "/admin/staff/new",
    "/admin/audit",
    "/admin/roles",
    "/admin/settings",
    "/admin/api-keys",
    "/admin/offline-sales",
    "/pos",
    "/pos/offline-sales",
  ]) {
    await visit(page, path);
  }
  await visit(page, "/admin/locations");
  await page.locator('tbody a[href^="/admin/locations/"]').first().click();
  await expect(page.getByRole("heading", { name: "Registers" })).toBeVisible();

  expect(violations).toEqual([]);
});

test("every page carries the security headers", async ({ page }) => {
  const response = await visit(page, "/sign-in");
  const headers = response?.headers() ?? {};

  expect(headers["content-security-policy"]).toMatch(
    /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
  );
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=(self)");
  expect(headers["x-content-type-options"]).toBe("nosniff");
});

test("public catalogue pages carry a fixed policy; the others a fresh nonce", async ({
  page,
}) => {
  for (const path of ["/", "/categories/women", "/products/merino-crew-jumper"]) {
    const response = await visit(page, path);
    const policy = response?.headers()["content-security-policy"] ?? "";
    expect(policy, path).toContain("script-src 'self' 'unsafe-inline'");
    expect(policy, path).not.toContain("nonce-");
    expect(policy, path).toContain("frame-ancestors 'none'");
    expect(policy, path).toContain("object-src 'none'");
  }
  const nonces = new Set<string>();
  for (const path of [
    "/cart",
    "/cart",
    "/checkout",
    "/account/sign-in",
    "/no-such-page",
  ]) {
    const response = await visit(page, path);
    const policy = response?.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce ?? "");
  }
  expect(nonces.size).toBe(5);
});

test("session cookies are http-only and same-site", async ({ page }) => {
  await signInAsStaff(page, "OWNER", "/admin");
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith("next-auth.session-token"));

  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("repeated wrong passwords lock the account and say when to try again", async ({
  page,
}) => {
  const owner = accountFor("OWNER");
  const email = `lockout.${Date.now()}@omnitill.test`;
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not-the-password");
  const alert = page.getByRole("main").getByRole("alert");

  for (let i = 0; i < 5; i += 1) {
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alert).toHaveText("The email or password is not right.");
    await page.getByLabel("Password").fill(`not-the-password-${i}`);
  }
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(alert).toHaveText(
    /^Too many sign-in attempts\. Try again at .+ \(in 15 minutes\)\.$/,
  );
  expect(owner.email).not.toBe(email);
});
