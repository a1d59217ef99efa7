import { expect, type Page } from "@playwright/test";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";

/**
 * What the till's browser tests share: the e2e database, a London register
 * of each spec file's own, opening it with a counted float, scanning, and
 * reading money off the screen.
 *
 * Spec files run two at a time. Each sells on registers no other file
 * uses, so one file's cash never lands in another's shift, and two files
 * never race to open the same shift:
 *   Till 1  camera-and-pickup      Till 5  email-receipt
 *   Till 2  sale (sales)           Till 6  instant-scan
 *   Till 3  manual-adjustments     Till 8  sale (Z report)
 *   Till 4  printing               Till 9  offline
 */

/** Runs `work` with a client on the e2e database that scripts/e2e.ts prepared. */
export async function withDb<T>(work: (prisma: PrismaClient) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error(
      "DATABASE_URL is not set: run the browser tests with npm run test:e2e",
    );
  const prisma = createPrismaClient({ kind: "postgres", url });
  try {
    return await work(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

/** Makes sure London Covent Garden has a register called `name` (the demo has Till 1 and 2). */
export async function ensureLondonRegister(name: string): Promise<void> {
  await withDb(async (prisma) => {
    const london = await prisma.location.findFirstOrThrow({ where: { code: "STR-LDN" } });
    await prisma.register.upsert({
      where: { locationId_name: { locationId: london.id, name } },
      create: { locationId: london.id, name },
      update: {},
    });
  });
}

/** Chooses a London register and opens its shift with `float` if it is not open yet. */
export async function openTill(page: Page, register: string, float = "100.00") {
  await page.goto("/pos");
  await page.getByRole("button", { name: register, exact: true }).click();
  const shiftButton = page.getByRole("button", { name: /^(Open shift|Shift)$/ }).first();
  await expect(shiftButton).toBeVisible();
  if ((await shiftButton.textContent()) === "Open shift") {
    await shiftButton.click();
    await page.getByLabel("Float counted").fill(float);
    await page.getByRole("button", { name: "Open shift" }).click();
    await expect(page.getByRole("button", { name: "Shift", exact: true })).toBeVisible();
  }
}

/** Types a code into the till's scan field and presses Enter. */
export async function scan(page: Page, code: string) {
  await page.getByLabel("Barcode or SKU").fill(code);
  await page.getByLabel("Barcode or SKU").press("Enter");
}

/** Minor units from an amount shown on screen ("£12.50" → 1250). */
export const pounds = (text: string | null) =>
  Math.round(Number((text ?? "").replace(/[^\d.]/g, "")) * 100);

/** An amount as the till shows it (1250 → "£12.50"). */
export const gbp = (minor: number) => `£${(minor / 100).toFixed(2)}`;
