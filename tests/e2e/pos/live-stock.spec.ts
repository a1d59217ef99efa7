import { expect, test } from "@playwright/test";
import { sellAtStore } from "../support/stock";

test("a looked-up item's stock in this store follows a sale at another till", async ({
  page,
}) => {
  await page.goto("/pos");
  await page
    .getByRole("button", { name: /register|till/i })
    .first()
    .click();
  const storeName = (await page.locator("header p").first().textContent())?.trim() ?? "";

  const search = page.getByLabel("Barcode, SKU or name");
  await search.fill("a");
  await page.getByRole("button", { name: "Find" }).click();
  const result = page
    .getByRole("listitem")
    .filter({ hasText: /\d+ in this store/ })
    .first();
  await expect(result).toBeVisible();
  const here = Number(
    /(\d+) in this store/.exec((await result.textContent()) ?? "")?.[1],
  );
  // The second line reads "<options> · <SKU>".
  const details = (await result.locator("p").nth(1).textContent()) ?? "";
  const sku = details.split("· ").pop()?.trim() ?? "";

  await sellAtStore({ storeName, sku });

  const sameItem = page.getByRole("listitem").filter({ hasText: sku }).first();
  await expect(sameItem).toContainText(
    here > 1 ? `${here - 1} in this store` : "None in this store",
  );
});
