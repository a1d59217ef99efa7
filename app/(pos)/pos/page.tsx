import { PosTerminal } from "@/components/pos/pos-terminal";
import { can } from "@/lib/auth/authorize";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { isTradingAt } from "@/lib/locations/trading";
import { requireStaffPage } from "@/lib/next/session";
import { tillActor } from "@/lib/next/till-operator";
import {
  configuredCardProviders,
  isTestModeEnabled,
} from "@/lib/payments/card-providers";

export const dynamic = "force-dynamic";

export default async function PosPage() {
  const staff = await requireStaffPage("pos:access", "/pos");
  // On a shared device, whoever last switched in by PIN is at the till.
  const operator = await tillActor(staff);
  const stores = await db.location.findMany({
    where: {
      isActive: true,
      canSellInStore: true,
      ...(staff.locationIds === "all" ? {} : { id: { in: staff.locationIds } }),
    },
    include: { registers: { where: { isActive: true }, orderBy: { name: "asc" } } },
    orderBy: { name: "asc" },
  });

  // Stripe's reader where Stripe is set up and the register has one, else
  // the TEST MODE reader wherever test cards are accepted, else no cards.
  const hasStripe = configuredCardProviders().stripe !== null;
  const cardModeOf = (register: { terminalReaderId: string | null }) =>
    hasStripe && register.terminalReaderId
      ? ("reader" as const)
      : isTestModeEnabled()
        ? ("test" as const)
        : ("none" as const);

  return (
    <PosTerminal
      staff={{
        id: operator.id,
        name: operator.name,
        role: ROLE_LABELS[operator.role],
        canReviewOffline: can(operator, "reports:read"),
      }}
      // A pop-up sells only between its first and last trading day.
      stores={stores
        .filter((s) => isTradingAt(s, new Date()))
        .map((s) => ({
          id: s.id,
          name: s.name,
          city: s.city,
          registers: s.registers.map((r) => ({
            id: r.id,
            name: r.name,
            cardMode: cardModeOf(r),
          })),
        }))}
    />
  );
}
