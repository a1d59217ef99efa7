import { expect, test } from "@playwright/test";

test("the owner sees the overview with real figures", async ({ page }) => {
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  const activeProducts = page
    .locator("dt", { hasText: "Active products" })
    .locator("+ dd");
  await expect(activeProducts).not.toHaveText("0");
});

test("the owner finds a product by title in the products list", async ({ page }) => {
  await page.goto("/admin/products");
  const firstTitle = (
    await page.locator("tbody tr td a, tbody tr td span").first().textContent()
  )
    ?.trim()
    .split(" ")[0];
  expect(firstTitle).toBeTruthy();
  await page.getByLabel("Search products").fill(firstTitle ?? "");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(page.locator("tbody tr").first()).toContainText(firstTitle ?? "");
});

test("the owner sees every location and the staff list", async ({ page }) => {
  await page.goto("/admin/locations");
  await expect(page.getByText("Warehouse").first()).toBeVisible();
  await expect(page.getByText("Pop-up").first()).toBeVisible();
  await page.goto("/admin/staff");
  await expect(page.getByText("Associate").first()).toBeVisible();
});
