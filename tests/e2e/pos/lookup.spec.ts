import { expect, test } from "@playwright/test";

test("an associate chooses a register and looks up an item's price and stock", async ({
  page,
}) => {
  await page.goto("/pos");
  await expect(page.getByText(/choose the store and register/i)).toBeVisible();
  await page
    .getByRole("button", { name: /register|till/i })
    .first()
    .click();

  const search = page.getByLabel("Barcode, SKU or name");
  await search.fill("a");
  await page.getByRole("button", { name: "Find" }).click();
  const firstResult = page.getByRole("listitem").filter({ hasText: /£\d/ }).first();
  await expect(firstResult).toBeVisible();
  await expect(firstResult).toContainText(/in this store|None in this store/);

  await search.fill("NO-SUCH-SKU-000");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByText(/Nothing in the catalogue matches/)).toBeVisible();
});

test("the POS is usable at 360 px wide", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/pos");
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
