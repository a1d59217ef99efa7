import { expect, test } from "@playwright/test";
import { expectAccessible, STOCKED_PRODUCT } from "../support/storefront";

test("a shopper sees stock at the stores nearest their postcode, remembered next time", async ({
  page,
}) => {
  await page.goto(`/products/${STOCKED_PRODUCT}`);
  const availability = page.getByTestId("availability");
  await expect(availability).toContainText(/Delivery: in stock, ships in 1 working day/);

  await availability.getByLabel("Postcode or town").fill("M2 4LQ");
  await availability.getByRole("button", { name: "Find stores" }).click();
  await expect(
    availability.getByRole("heading", { name: "Collect near M2" }),
  ).toBeVisible();
  const stores = availability.locator("li[data-store]");
  await expect(stores.first()).toHaveAttribute("data-store", "STR-MAN");
  await expect(stores.first()).toContainText(
    /Pick up (today|tomorrow).* — \d+ left|Not in stock here/,
  );
  await expectAccessible(page);

  await page.reload();
  await expect(
    availability.getByRole("heading", { name: "Collect near M2" }),
  ).toBeVisible();

  await availability
    .getByRole("button", { name: "Make this my store: Edinburgh George Street" })
    .click();
  await expect(stores.first()).toHaveAttribute("data-store", "STR-EDI");
  await expect(stores.first()).toContainText("Your store");
});

test("a postcode we cannot place is refused in words", async ({ page }) => {
  await page.goto(`/products/${STOCKED_PRODUCT}`);
  const availability = page.getByTestId("availability");
  await availability.getByLabel("Postcode or town").fill("Atlantis");
  await availability.getByRole("button", { name: "Find stores" }).click();
  await expect(availability.getByRole("alert")).toContainText("We don’t recognise that");
});

test("the product page names its price and stock for search engines", async ({
  page,
}) => {
  await page.goto(`/products/${STOCKED_PRODUCT}`);
  const json = await page.locator('script[type="application/ld+json"]').textContent();
  const data = JSON.parse(json ?? "{}");
  expect(data["@type"]).toBe("Product");
  expect(data.offers[0]).toMatchObject({
    priceCurrency: "GBP",
    availability: expect.stringContaining("schema.org"),
  });
});
