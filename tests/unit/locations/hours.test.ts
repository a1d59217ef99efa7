import { describe, expect, it } from "vitest";
import { describeWeeklyHours, readWeeklyHours } from "@/lib/locations/hours";
import { weeklyHoursSchema } from "@/lib/locations/schemas";
import { isTimezone } from "@/lib/locations/timezones";
import { localDateIn } from "@/lib/locations/trading";

const NINE_TO_SIX = { opens: "09:00", closes: "18:00" };

describe("weekly hours", () => {
  it("reads as runs of days with the same hours", () => {
    const hours = {
      mon: NINE_TO_SIX,
      tue: NINE_TO_SIX,
      wed: NINE_TO_SIX,
      fri: NINE_TO_SIX,
      sat: { opens: "10:00", closes: "16:00" },
    };
    expect(describeWeeklyHours(hours)).toBe(
      "Mon–Wed 09:00–18:00, Fri 09:00–18:00, Sat 10:00–16:00",
    );
    expect(describeWeeklyHours({})).toBe("Closed");
  });

  it("drops closed days and keeps only well-formed ones when read back", () => {
    expect(weeklyHoursSchema.parse({ mon: NINE_TO_SIX, tue: null })).toEqual({
      mon: NINE_TO_SIX,
    });
    expect(
      readWeeklyHours({ mon: NINE_TO_SIX, tue: "closed", xyz: NINE_TO_SIX }),
    ).toEqual({
      mon: NINE_TO_SIX,
    });
  });

  it("refuses times that are not 24-hour clock times or that close before opening", () => {
    expect(
      weeklyHoursSchema.safeParse({ mon: { opens: "9am", closes: "18:00" } }).success,
    ).toBe(false);
    expect(
      weeklyHoursSchema.safeParse({ mon: { opens: "18:00", closes: "18:00" } }).success,
    ).toBe(false);
  });
});

describe("timezones and local dates", () => {
  it("knows IANA zones and refuses anything else", () => {
    expect(isTimezone("Europe/London")).toBe(true);
    expect(isTimezone("America/Argentina/Buenos_Aires")).toBe(true);
    expect(isTimezone("Mars/Olympus")).toBe(false);
    expect(isTimezone("'; DROP")).toBe(false);
  });

  it("gives the calendar date in the location's own zone", () => {
    const at = new Date("2026-03-01T23:30:00Z");
    expect(localDateIn("Europe/London", at)).toBe("2026-03-01");
    expect(localDateIn("Asia/Tokyo", at)).toBe("2026-03-02");
  });
});
