import { expect, test } from "@playwright/test";
import { createPrismaClient } from "@/lib/db/client";
import { decodeEscPos } from "../support/escpos-decoder";

// A stand-in for navigator.serial: one "port" whose writable side keeps
// every byte the till sends, as a receipt printer on a USB serial cable
// would receive them.
const STAND_IN_SERIAL = `
  window.__serialBytes = [];
  const port = {
    getInfo: () => ({ usbVendorId: 0x0416, usbProductId: 0x5011 }),
    open: async () => {},
    close: async () => {},
    readable: null,
    writable: new WritableStream({
      write(chunk) { for (const b of chunk) window.__serialBytes.push(b); },
    }),
  };
  Object.defineProperty(navigator, "serial", {
    configurable: true,
    value: {
      requestPort: async () => port,
      getPorts: async () => [port],
      addEventListener: () => {},
      removeEventListener: () => {},
    },
  });
`;

const pounds = (text: string | null) =>
  Math.round(Number((text ?? "").replace(/[^\d.]/g, "")) * 100);
const gbp = (minor: number) => `£${(minor / 100).toFixed(2)}`;

test("a cash sale prints on the serial receipt printer: a valid ESC/POS slip with the total, the drawer kick and the cut", async ({
  page,
}) => {
  const prisma = createPrismaClient({
    kind: "postgres",
    url: process.env.DATABASE_URL ?? "",
  });
  const item = await prisma.variant.findFirstOrThrow({
    where: {
      isActive: true,
      barcode: { not: null },
      product: { status: "ACTIVE" },
      inventoryLevels: { some: { location: { code: "STR-LDN" }, onHand: { gt: 5 } } },
    },
    select: { barcode: true },
    orderBy: { sku: "asc" },
    skip: 3,
  });
  await prisma.$disconnect();

  await page.addInitScript(STAND_IN_SERIAL);
  await page.goto("/pos");
  await page.getByRole("button", { name: "Till 2", exact: true }).click();
  const shiftButton = page.getByRole("button", { name: /^(Open shift|Shift)$/ }).first();
  await expect(shiftButton).toBeVisible();
  if ((await shiftButton.textContent()) === "Open shift") {
    await shiftButton.click();
    await page.getByLabel("Float counted").fill("100.00");
    await page.getByRole("button", { name: "Open shift" }).click();
  }
  await page.getByLabel("Barcode or SKU").fill(item.barcode ?? "");
  await page.getByLabel("Barcode or SKU").press("Enter");
  await expect(page.getByTestId("ticket-line")).toHaveCount(1);
  const total = pounds(await page.getByTestId("ticket-total").textContent());

  await page.getByRole("button", { name: /^Pay/ }).click();
  await page.getByLabel("Cash handed over").fill("500.00");
  await page.getByRole("button", { name: /^Take cash/ }).click();
  const receipt = page.getByRole("article", { name: "Receipt" });
  const orderNumber = ((await receipt.textContent()) ?? "").match(/OT-[2-9A-Z]{6}/)?.[0];
  expect(orderNumber).toBeTruthy();

  await page.getByRole("button", { name: "Receipt printer" }).click();
  await expect(page.getByText("Sent to the receipt printer.")).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(
        () => (window as unknown as { __serialBytes: number[] }).__serialBytes.length,
      ),
    )
    .toBeGreaterThan(200);
  const bytes = await page.evaluate(
    () => (window as unknown as { __serialBytes: number[] }).__serialBytes,
  );

  const slip = decodeEscPos(Uint8Array.from(bytes));
  const totalLine = slip.lines.find((line) => line.startsWith("TOTAL"));
  expect(totalLine?.trim().endsWith(gbp(total))).toBe(true);
  expect(slip.lines.some((line) => line.includes(`Order ${orderNumber}`))).toBe(true);
  expect(slip.barcodes.some((code) => code.includes(orderNumber?.slice(3) ?? "?"))).toBe(
    true,
  );
  expect(slip.hasDrawerPulse).toBe(true);
  expect(slip.hasCut).toBe(true);
});
