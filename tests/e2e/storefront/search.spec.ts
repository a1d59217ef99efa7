import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/storefront";

test("search suggests the right product as a shopper types, typo and all", async ({
  page,
}) => {
  await page.goto("/search");
  const box = page.getByRole("combobox", { name: "Search the shop" });
  await box.fill("mering jumpr");

  const suggestions = page.getByRole("listbox", { name: "Suggestions" });
  await expect(
    suggestions.getByRole("option", { name: /Merino Crew Jumper/ }),
  ).toBeVisible();
  await expectAccessible(page);

  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=mering\+jumpr/);
  await expect(
    page.getByRole("heading", { name: /results? for “mering jumpr”/ }),
  ).toBeVisible();
  await expect(page.locator('a[href="/products/merino-crew-jumper"]')).toBeVisible();
});

test("arrow keys and Enter open a suggestion", async ({ page }) => {
  await page.goto("/search");
  const box = page.getByRole("combobox", { name: "Search the shop" });
  await box.fill("cashmere");
  await expect(page.getByRole("option").first()).toBeVisible();
  await box.press("ArrowDown");
  await expect(box).toHaveAttribute("aria-activedescendant", /.+/);
  await box.press("Enter");
  await expect(page).toHaveURL(/\/(products|categories)\//);
});

test("a search for nothing we sell says so and offers a way on", async ({ page }) => {
  await page.goto("/search?q=xylophone");
  await expect(
    page.getByRole("heading", { name: "Nothing found for “xylophone”" }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "browse the categories" })).toBeVisible();
});
