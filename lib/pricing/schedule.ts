import type { Conditions, Promotion, Schedule } from "./schemas";

export type WindowMiss = "not_started" | "ended" | "schedule";

/** The status shown in the back-office list of promotions. */
export type PromotionStatus = "scheduled" | "active" | "ended";

/** Whether a promotion is scheduled, active or ended at the given instant (ISO 8601). */
export function promotionStatus(promotion: Promotion, time: string): PromotionStatus {
  const miss = checkTimeWindow(promotion.conditions, Date.parse(time));
  if (miss === "not_started") return "scheduled";
  if (miss === "ended") return "ended";
  // Outside its recurring hours a promotion is still active: it is on.
  return "active";
}

/** Null when the instant is inside the promotion's dates and recurring hours. */
export function checkTimeWindow(
  conditions: Conditions,
  timeMs: number,
): WindowMiss | null {
  if (conditions.startsAt !== null && timeMs < Date.parse(conditions.startsAt)) {
    return "not_started";
  }
  if (conditions.endsAt !== null && timeMs >= Date.parse(conditions.endsAt))
    return "ended";
  if (conditions.schedule !== null && !isInSchedule(conditions.schedule, timeMs)) {
    return "schedule";
  }
  return null;
}

const MINUTES_PER_DAY = 24 * 60;
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

// One formatter per time zone; building them is the slow part.
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Recurring windows are read on the wall clock of the schedule's zone. A
 * window whose end is at or before its start runs past midnight and
 * belongs to the day it starts on (Friday 22:00-02:00 covers early
 * Saturday). The start is inclusive, the end exclusive.
 */
function isInSchedule(schedule: Schedule, timeMs: number): boolean {
  const { weekday, minute } = localTime(schedule.timeZone, timeMs);
  const previousDay = weekday === 1 ? 7 : weekday - 1;

  return schedule.windows.some((window) => {
    const start = toMinutes(window.start);
    const end = toMinutes(window.end);
    if (end > start)
      return window.days.includes(weekday) && minute >= start && minute < end;
    // Past midnight: the evening part today, or the early part of the day after.
    return (
      (window.days.includes(weekday) && minute >= start) ||
      (window.days.includes(previousDay) && minute < end)
    );
  });
}

function localTime(
  timeZone: string,
  timeMs: number,
): { weekday: number; minute: number } {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  let weekday = 1;
  let hour = 0;
  let minute = 0;
  for (const part of formatter.formatToParts(timeMs)) {
    if (part.type === "weekday") weekday = WEEKDAYS.indexOf(part.value) + 1;
    else if (part.type === "hour") hour = Number(part.value) % 24;
    else if (part.type === "minute") minute = Number(part.value);
  }
  return { weekday, minute: hour * 60 + minute };
}

function toMinutes(clock: string): number {
  const [hours = "0", minutes = "0"] = clock.split(":");
  return Math.min(Number(hours) * 60 + Number(minutes), MINUTES_PER_DAY);
}
