import type { TradingStatus } from "@/lib/locations/trading";

const DAY = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

function day(iso: string): string {
  return DAY.format(new Date(`${iso}T00:00:00Z`));
}

/** "Active", "Opens 3 Mar", "Closed since 10 Mar" … for lists and headers. */
export function describeTradingStatus(status: TradingStatus): string {
  if (status.isTrading)
    return status.closesOn ? `Open until ${day(status.closesOn)}` : "Active";
  if (status.reason === "inactive") return "Inactive";
  if (status.reason === "not_yet_open") return `Opens ${day(status.date ?? "")}`;
  return `Closed since ${day(status.date ?? "")}`;
}
