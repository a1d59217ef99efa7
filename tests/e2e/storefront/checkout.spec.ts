import { expect, type Page, test } from "@playwright/test";
import { addToBag, expectAccessible, keepScreenshot } from "../support/storefront";

// Placing an order waits for the card provider: allow it more than the usual wait.
const PLACING = { timeout: 20_000 };

async function goToCheckout(page: Page) {
  await page
    .getByRole("dialog", { name: "Your bag" })
    .getByRole("link", { name: "Checkout" })
    .click();
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByRole("heading", { name: "Payment" })).toBeVisible();
}

async function fillContactAndAddress(page: Page, email = "guest.buyer@example.com") {
  await page.getByLabel("Email for your receipt and updates").fill(email);
  await page.getByLabel("Full name").fill("Guest Buyer");
  await page.getByLabel("Address line 1").fill("9 Cardigan Road");
  await page.getByLabel("Town or city").fill("Leeds");
  await page.getByLabel("Postcode").fill("LS6 3AE");
}

test("a guest buys one item for delivery with the test card", async ({
  page,
}, testInfo) => {
  await addToBag(page);
  await goToCheckout(page);
  await expect(page.getByRole("note")).toContainText("TEST MODE");
  await fillContactAndAddress(page);
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "checkout");
  await page.getByRole("button", { name: /^Pay £/ }).click();

  await expect(
    page.getByRole("heading", { name: "Thank you for your order" }),
  ).toBeVisible(PLACING);
  const delivery = page.getByTestId("fulfillment");
  await expect(delivery).toHaveCount(1);
  await expect(delivery).toContainText("Delivery");
  await expect(delivery).toContainText("To Guest Buyer, 9 Cardigan Road, Leeds, LS6 3AE");
  await expect(page.getByText("Test mode: no real money was taken")).toBeVisible();
  await expect(page.getByRole("button", { name: "Bag, 0 items" })).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, testInfo, "confirmation");

  // The emailable receipt, opened with the same signed link, names each line's fulfillment.
  const href = await page
    .getByRole("link", { name: "View printable receipt" })
    .getAttribute("href");
  const receipt = await page.request.get(href ?? "");
  expect(receipt.status()).toBe(200);
  expect(await receipt.text()).toContain("Delivery");
});

test("a shopper buys one item to collect and sees the QR code to show at the counter", async ({
  page,
}) => {
  await addToBag(page, { collect: true });
  await goToCheckout(page);
  await page
    .getByLabel("Email for your receipt and updates")
    .fill("collector@example.com");
  await page.getByLabel("Card number").fill("5555 5555 5555 4444");
  await page.getByRole("button", { name: /^Pay £/ }).click();

  await expect(
    page.getByRole("heading", { name: "Thank you for your order" }),
  ).toBeVisible(PLACING);
  const pickup = page.getByTestId("fulfillment");
  await expect(pickup).toContainText(/Collect from .+/);
  await expect(pickup.getByRole("img", { name: /QR code for order OT-/ })).toBeVisible();
  await expect(pickup).toContainText("Collection hours");
});

test("a mixed bag becomes one order with a delivery and a collection", async ({
  page,
}) => {
  await addToBag(page);
  await page.keyboard.press("Escape");
  await addToBag(page, { collect: true });
  await expect(
    page.getByRole("dialog", { name: "Your bag" }).getByTestId("bag-line"),
  ).toHaveCount(2);
  await goToCheckout(page);
  await fillContactAndAddress(page, "mixed@example.com");
  await page.getByLabel("Card number").fill("4242424242424242");
  await page.getByRole("button", { name: /^Pay £/ }).click();

  await expect(
    page.getByRole("heading", { name: "Thank you for your order" }),
  ).toBeVisible(PLACING);
  const fulfillments = page.getByTestId("fulfillment");
  await expect(fulfillments).toHaveCount(2);
  await expect(fulfillments.filter({ hasText: "Delivery" })).toHaveCount(1);
  await expect(fulfillments.filter({ hasText: /Collect from/ })).toHaveCount(1);
});

test("a shopper reserves online and pays in store", async ({ page }) => {
  await addToBag(page, { collect: true });
  await goToCheckout(page);
  await page.getByLabel("Email for your receipt and updates").fill("reserve@example.com");
  await page
    .getByRole("radio", { name: "Reserve now, pay in store when you collect" })
    .check();
  await expect(page.getByLabel("Card number")).toHaveCount(0);
  await page.getByRole("button", { name: "Reserve to collect" }).click();

  await expect(
    page.getByRole("heading", { name: "Thank you for your order" }),
  ).toBeVisible(PLACING);
  await expect(page.getByText("Reserved for you: pay when you collect.")).toBeVisible();
  await expect(page.getByRole("img", { name: /QR code for order/ })).toBeVisible();
  await expect(page.getByText(/Held for you until/)).toBeVisible();
});

test("a declined card leaves the bag as it was, with a clear message", async ({
  page,
}) => {
  await addToBag(page);
  await goToCheckout(page);
  await fillContactAndAddress(page, "declined@example.com");
  await page.getByLabel("Card number").fill("4000 0000 0000 0002");
  await page.getByRole("button", { name: /^Pay £/ }).click();

  await expect(page.locator("#checkout-error")).toContainText("The card was declined.");
  await expect(page).toHaveURL(/\/checkout$/);
  await page.goto("/cart");
  await expect(page.getByRole("main").getByTestId("bag-line")).toHaveCount(1);

  // The same bag then goes through with a good card.
  await page.getByRole("link", { name: "Checkout" }).last().click();
  await fillContactAndAddress(page, "declined@example.com");
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay £/ }).click();
  await expect(
    page.getByRole("heading", { name: "Thank you for your order" }),
  ).toBeVisible(PLACING);
});

test("a tampered order link is refused", async ({ page }) => {
  const response = await page.goto("/orders/eyJvIjoiMDAwIn0.forged-signature");
  expect(response?.status()).toBe(404);
});
