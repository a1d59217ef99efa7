/** Days of the week as the hours are keyed, Monday first. */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

/** One day's hours, 24-hour "HH:MM" in the location's timezone. */
export interface DayHours {
  opens: string;
  closes: string;
}

/** A week of hours; a day that is absent is closed. */
export type WeeklyHours = Partial<Record<Weekday, DayHours>>;

/** Reads hours stored as JSON, keeping only well-formed days. */
export function readWeeklyHours(value: unknown): WeeklyHours {
  if (!value || typeof value !== "object") return {};
  const hours: WeeklyHours = {};
  for (const day of WEEKDAYS) {
    const entry = (value as Record<string, unknown>)[day] as
      | Partial<DayHours>
      | undefined;
    if (typeof entry?.opens === "string" && typeof entry.closes === "string") {
      hours[day] = { opens: entry.opens, closes: entry.closes };
    }
  }
  return hours;
}

/** "Mon–Fri 09:00–17:30, Sat 10:00–16:00" for lists; "Closed" when empty. */
export function describeWeeklyHours(hours: WeeklyHours): string {
  const parts: string[] = [];
  let start = 0;
  while (start < WEEKDAYS.length) {
    const day = WEEKDAYS[start] as Weekday;
    const span = hours[day];
    let end = start;
    while (
      end + 1 < WEEKDAYS.length &&
      sameHours(hours[WEEKDAYS[end + 1] as Weekday], span)
    ) {
      end += 1;
    }
    if (span) {
      const first = short(day);
      const range = end > start ? `${first}–${short(WEEKDAYS[end] as Weekday)}` : first;
      parts.push(`${range} ${span.opens}–${span.closes}`);
    }
    start = end + 1;
  }
  return parts.length ? parts.join(", ") : "Closed";
}

function sameHours(a: DayHours | undefined, b: DayHours | undefined): boolean {
  return a?.opens === b?.opens && a?.closes === b?.closes;
}

function short(day: Weekday): string {
  return WEEKDAY_LABELS[day].slice(0, 3);
}
