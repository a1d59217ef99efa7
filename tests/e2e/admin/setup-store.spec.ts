import { expect, test } from "@playwright/test";

// The owner's session comes from the admin project's saved sign-in.
test("the owner sets up a new store with a register and an associate who can sell there", async ({
  page,
  browser,
}) => {
  test.slow();
  const suffix = Date.now().toString(36).slice(-5).toUpperCase();
  const storeName = `Bath Milsom Street ${suffix}`;
  const associateEmail = `new.associate.${suffix.toLowerCase()}@omnitill.test`;
  const associatePassword = "harbour-lantern-42";

  await test.step("create the store", async () => {
    await page.goto("/admin/locations");
    await page.getByRole("link", { name: "New location" }).click();
    await page.getByLabel("Name", { exact: true }).fill(storeName);
    await page.getByLabel("Code", { exact: true }).fill(`STR-${suffix}`);
    await page.getByLabel("Kind").selectOption("STORE");
    await page.getByLabel("Street address").fill("12 Milsom Street");
    await page.getByLabel("Town or city").fill("Bath");
    await page.getByLabel("Postcode").fill("BA1 1BZ");
    await page.getByRole("button", { name: "Find position" }).click();
    await expect(page.getByLabel("Latitude")).not.toHaveValue("");
    await page.getByLabel("Timezone").selectOption("Europe/London");
    await page.getByLabel("Offers pickup").check();
    await page.getByLabel("Pickup ready within (minutes)").fill("120");
    await page.getByLabel("Pickup on Saturday").check();
    await page.getByRole("button", { name: "Create location" }).click();
    await expect(page.getByRole("heading", { name: storeName })).toBeVisible();
  });

  await test.step("add a register", async () => {
    await page.getByLabel("New register").fill("Till 1");
    await page.getByRole("button", { name: "Add register" }).click();
    await expect(page.getByRole("button", { name: "Rename Till 1" })).toBeVisible();
  });

  await test.step("add an associate who works there", async () => {
    await page.goto("/admin/staff/new");
    await page.getByLabel("Name", { exact: true }).fill(`Sam Rivers ${suffix}`);
    await page.getByLabel("Email").fill(associateEmail);
    await page.getByLabel("Role").selectOption("ASSOCIATE");
    await page.getByLabel("First password").fill("password123");
    await page.getByLabel(storeName).check();
    await page.getByRole("button", { name: "Add staff member" }).click();
    // A common password is refused beside the field, and nothing is saved.
    await expect(page.getByText("This password is too common.")).toBeVisible();
    await page.getByLabel("First password").fill(associatePassword);
    await page.getByRole("button", { name: "Add staff member" }).click();
    await expect(
      page.getByRole("heading", { name: `Sam Rivers ${suffix}` }),
    ).toBeVisible();
  });

  await test.step("the associate signs in to the POS and sees that store only", async () => {
    const context = await browser.newContext({ storageState: undefined });
    const pos = await context.newPage();
    await pos.goto("/sign-in?callbackUrl=%2Fpos");
    await pos.getByLabel("Email").fill(associateEmail);
    await pos.getByLabel("Password").fill(associatePassword);
    await pos.getByRole("button", { name: "Sign in" }).click();
    await expect(pos).toHaveURL(/\/pos$/);
    await expect(pos.getByText(storeName)).toBeVisible();
    await expect(pos.getByRole("button", { name: "Till 1" })).toBeVisible();
    await expect(pos.getByText("London Covent Garden")).toHaveCount(0);
    await context.close();
  });

  await test.step("every change is in the audit log", async () => {
    await page.goto(`/admin/audit?q=${encodeURIComponent("Eleanor")}`);
    for (const action of ["location.created", "register.created", "staff.created"]) {
      await expect(
        page.locator("tbody").getByText(action, { exact: true }).first(),
      ).toBeVisible();
    }
  });
});

test("deactivating a store that holds stock is refused with the reason", async ({
  page,
}) => {
  await page.goto("/admin/locations");
  await page.getByRole("link", { name: "Midlands Distribution Centre" }).click();
  await page.getByRole("button", { name: "Deactivate location" }).click();
  await expect(
    page.getByText(/cannot be deactivated\. It still holds stock/),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Deactivate location" })).toBeVisible();
});
