import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createPrismaClient } from "@/lib/db/client";
import { expectAccessible } from "../support/storefront";

function database() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run with npm run test:e2e");
  return createPrismaClient({ kind: "postgres", url });
}

test("a shopper asks to hear when a sold-out product is back", async ({ page }) => {
  const prisma = database();
  const suffix = randomUUID().slice(0, 8);
  try {
    // A product on sale with no stock anywhere, as after a sell-out.
    const product = await prisma.product.create({
      data: {
        handle: `sold-out-scarf-${suffix}`,
        title: "Sold Out Scarf",
        status: "ACTIVE",
        optionNames: ["Colour"],
        variants: {
          create: [
            {
              sku: `SOLD-${suffix}`.toUpperCase(),
              optionValues: ["Moss"],
              priceMinor: 3500,
            },
          ],
        },
      },
      include: { variants: true },
    });

    await page.goto(`/products/${product.handle}`);
    await expect(page.getByTestId("availability")).toContainText(
      "Delivery: out of stock",
    );
    await expect(page.getByRole("button", { name: "Add to bag" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Moss, out of stock" })).toBeVisible();

    await page.getByLabel("Email me when it’s back").fill("not-an-email");
    await page.getByRole("button", { name: "Notify me" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText(
      "Enter an email",
    );

    await page.getByLabel("Email me when it’s back").fill("Waiting.Shopper@Example.com");
    await page.getByRole("button", { name: "Notify me" }).click();
    await expect(page.getByRole("status")).toContainText(
      "We’ll email waiting.shopper@example.com when it’s back in stock.",
    );
    await expectAccessible(page);

    const stored = await prisma.backInStockRequest.findMany({
      where: { variantId: product.variants[0]?.id },
    });
    expect(stored.map((r) => r.email)).toEqual(["waiting.shopper@example.com"]);
  } finally {
    await prisma.$disconnect();
  }
});
