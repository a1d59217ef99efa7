import { expect, test } from "@playwright/test";
import { accountFor, signInAsStaff } from "../support/accounts";

test("an anonymous visitor to the POS is sent to sign-in", async ({ page }) => {
  await page.goto("/pos");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fpos/);
  await expect(page.getByRole("heading", { name: "Staff sign-in" })).toBeVisible();
});

test("an anonymous visitor to the back-office is sent to sign-in", async ({ page }) => {
  await page.goto("/admin/products");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin/);
});

test("a wrong password is refused with a plain message", async ({ page }) => {
  const owner = accountFor("OWNER");
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "The email or password is not right.",
  );
  await expect(page).toHaveURL(/\/sign-in/);
});

// What each role may open, from the permission matrix in lib/auth.
const SURFACES = {
  OWNER: { pos: true, admin: true, staff: true },
  MERCHANDISER: { pos: false, admin: true, staff: false },
  // A store manager manages the associates of their own stores.
  STORE_MANAGER: { pos: true, admin: true, staff: true },
  ASSOCIATE: { pos: true, admin: false, staff: false },
  FULFILLMENT: { pos: false, admin: true, staff: false },
} as const;

for (const [role, may] of Object.entries(SURFACES)) {
  test(`the ${role.toLowerCase().replace("_", " ")} role opens only what the role allows`, async ({
    page,
  }) => {
    await signInAsStaff(page, role as keyof typeof SURFACES, "/");

    for (const [path, isAllowed] of [
      ["/pos", may.pos],
      ["/admin", may.admin],
      ["/admin/staff", may.staff],
    ] as const) {
      await page.goto(path);
      if (isAllowed) {
        await expect(page, `${role} may open ${path}`).toHaveURL(new RegExp(`${path}$`));
      } else {
        await expect(page, `${role} may not open ${path}`).toHaveURL(/\/forbidden/);
        await expect(
          page.getByRole("heading", { name: /not part of your role/ }),
        ).toBeVisible();
      }
    }
  });
}
