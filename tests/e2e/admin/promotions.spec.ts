import { expect, test } from "@playwright/test";

test("the owner creates a promotion, sees the preview apply it, and finds it active", async ({
  page,
}) => {
  const name = `Weekend 15 % off ${Date.now()}`;
  await page.goto("/admin/promotions/new");
  await expect(page.getByRole("heading", { name: "New promotion" })).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Percentage (%)").fill("15");

  // The preview prices its sample basket in the browser as the form changes.
  const applied = page.getByTestId("preview-applied");
  await expect(applied).toContainText(`${name}:`);
  await expect(page.getByTestId("preview-discount")).toContainText("−£");

  await page.getByRole("button", { name: "Create promotion" }).click();
  await expect(page).toHaveURL(/\/admin\/promotions\/[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { name })).toBeVisible();

  await page.goto("/admin/promotions");
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("active");
  await expect(row).toContainText("0");
});

test("the preview explains why a promotion for another channel does not apply", async ({
  page,
}) => {
  await page.goto("/admin/promotions/new");
  await page.getByLabel("Name", { exact: true }).fill("Online only");
  await page.getByRole("checkbox", { name: "Online shop" }).check();

  // The sample basket is sold at the counter by default.
  await expect(page.getByTestId("preview-result")).toContainText(
    "Online only: is not offered in store.",
  );
  await page.getByLabel("Sold").selectOption("SHIP");
  await expect(page.getByTestId("preview-applied")).toContainText("Online only:");
});

test("the owner is told what to fix when a promotion is incomplete", async ({ page }) => {
  await page.goto("/admin/promotions/new");
  await page.getByLabel("Percentage (%)").fill("150");
  await page.getByRole("button", { name: "Create promotion" }).click();

  await expect(page.getByText("Some fields need attention.")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await expect(page.getByLabel("Percentage (%)")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/admin\/promotions\/new$/);
});
