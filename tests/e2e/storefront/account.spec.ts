import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectAccessible, signInAsShopper } from "../support/storefront";

test("a signed-in shopper sees online orders and in-store purchases in one history", async ({
  page,
}) => {
  await signInAsShopper(page);
  await expect(page.getByRole("heading", { name: "Hello, Amelia" })).toBeVisible();
  const orders = page.getByRole("region", { name: "Your orders" }).getByRole("listitem");
  await expect(orders.filter({ hasText: "Online" }).first()).toBeVisible();
  await expect(orders.filter({ hasText: /In store at/ }).first()).toBeVisible();
  await expectAccessible(page);

  await orders
    .filter({ hasText: /In store at/ })
    .first()
    .getByRole("link")
    .click();
  await expect(page).toHaveURL(/\/orders\/[\w-]+\.[\w-]+$/);
  await expect(page.getByRole("heading", { level: 1, name: /Order OT-/ })).toBeVisible();
});

test("a new shopper signs up, saves an address and signs out", async ({ page }) => {
  const email = `new.shopper.${randomUUID().slice(0, 8)}@example.com`;
  await page.goto("/account/sign-up");
  await page.getByLabel("First name").fill("Nia");
  await page.getByLabel("Last name").fill("Jones");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();

  await page.getByLabel("Password").fill("copper-meadow-lantern-42");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Hello, Nia" })).toBeVisible();
  await expect(page.getByText("No orders yet.")).toBeVisible();

  await page.getByRole("button", { name: "Add an address" }).click();
  const form = page.getByRole("form", { name: "New address" });
  await form.getByLabel("Full name").fill("Nia Jones");
  await form.getByLabel("Address line 1").fill("5 Comiston Drive");
  await form.getByLabel("Town or city").fill("Edinburgh");
  await form.getByLabel("Postcode").fill("eh105qr");
  await form.getByRole("button", { name: "Save address" }).click();
  await expect(page.getByText("5 Comiston Drive, Edinburgh, EH10 5QR")).toBeVisible();
  await expect(page.getByText("Default")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/account\/sign-in/);
});

test("a wrong password is refused without saying which part was wrong", async ({
  page,
}) => {
  await page.goto("/account/sign-in");
  await page.getByLabel("Email").fill("amelia.hughes@example.com");
  await page.getByLabel("Password").fill("not-her-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "The email or password is not right.",
  );
});
