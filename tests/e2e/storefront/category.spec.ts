import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/storefront";

test("a shopper opens a category from the menu and narrows it to one size", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto("/");
  await page.getByRole("button", { name: "Menu" }).click();
  await page
    .getByRole("navigation", { name: "Categories" })
    .getByRole("link", { name: "Women" })
    .first()
    .click();
  await expect(page).toHaveURL(/\/categories\/women$/);
  await expect(page.getByRole("heading", { level: 1, name: "Women" })).toBeVisible();

  const count = page.getByText(/^\d+ products?$/).first();
  const before = Number((await count.textContent())?.split(" ")[0]);
  await page.getByRole("button", { name: /Filter and sort/ }).click();
  await page
    .getByRole("group", { name: "Size" })
    .getByText("XS", { exact: true })
    .click();

  await expect(page).toHaveURL(/size=XS/);
  await expect(page.getByRole("button", { name: "Filter and sort (1)" })).toBeVisible();
  const after = Number((await count.textContent())?.split(" ")[0]);
  expect(after).toBeGreaterThan(0);
  expect(after).toBeLessThan(before);
  await expectAccessible(page);

  // The URL is the listing: opened afresh, it shows the same filter.
  await page.reload();
  await page.getByRole("button", { name: /Filter and sort/ }).click();
  await expect(page.getByRole("checkbox", { name: "XS" })).toBeChecked();
});

test("sorting by price puts the cheapest product first", async ({ page }) => {
  await page.goto("/categories/home?sort=price-asc");
  const prices = await page
    .locator('a[href^="/products/"]')
    .evaluateAll((cards) =>
      cards.map((card) => Number(/£(\d+\.\d\d)/.exec(card.textContent ?? "")?.[1] ?? 0)),
    );
  expect(prices.length).toBeGreaterThan(1);
  expect(prices).toEqual([...prices].sort((a, b) => a - b));
});

test("filtering by a store shows only what it can hand over today", async ({ page }) => {
  await page.goto("/categories/women?store=STR-EDI");
  await page.getByRole("button", { name: /Filter and sort/ }).click();
  await expect(page.getByRole("combobox", { name: /collect today at/ })).toHaveValue(
    "STR-EDI",
  );
  const withStore = await page.locator('a[href^="/products/"]').count();
  await page.goto("/categories/women");
  const all = await page.locator('a[href^="/products/"]').count();
  expect(withStore).toBeLessThanOrEqual(all);
});

test("an unknown category is a friendly 404", async ({ page }) => {
  const response = await page.goto("/categories/no-such-category");
  expect(response?.status()).toBe(404);
});
