import { readWeeklyHours, WEEKDAYS, type Weekday } from "@/lib/locations/hours";

/** When a pickup order placed now could be collected. */
export type PickupWhen = "today" | "tomorrow" | "later";

const DEFAULT_READY_MINUTES = 120;

function localClock(at: Date, timezone: string): { day: Weekday; minutes: number } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: timezone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  const day = get("weekday").slice(0, 3).toLowerCase() as Weekday;
  return { day, minutes: Number(get("hour")) * 60 + Number(get("minute")) };
}

function toMinutes(hhmm: string): number {
  const [h = "0", m = "0"] = hhmm.split(":");
  return Number(h) * 60 + Number(m);
}

/**
 * Whether stock in a store now can be collected today: the order must be
 * ready (the store's promised minutes) before pickup closes today. A store
 * that publishes no pickup hours is taken at its opening hours, and one
 * with neither is promised "today" as the business has not said otherwise.
 */
export function pickupPromise(
  store: {
    pickupHours: unknown;
    openingHours: unknown;
    timezone: string;
    pickupReadyMinutes: number | null;
  },
  at: Date = new Date(),
): PickupWhen {
  const pickup = readWeeklyHours(store.pickupHours);
  const hours =
    Object.keys(pickup).length > 0 ? pickup : readWeeklyHours(store.openingHours);
  if (Object.keys(hours).length === 0) return "today";

  const ready = store.pickupReadyMinutes ?? DEFAULT_READY_MINUTES;
  const clock = localClock(at, store.timezone);
  const today = hours[clock.day];
  if (today && clock.minutes + ready <= toMinutes(today.closes)) return "today";

  const tomorrow = WEEKDAYS[
    (WEEKDAYS.indexOf(clock.day) + 1) % WEEKDAYS.length
  ] as Weekday;
  return hours[tomorrow] ? "tomorrow" : "later";
}
