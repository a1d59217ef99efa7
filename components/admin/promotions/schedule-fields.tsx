"use client";

import type { Schedule } from "@/lib/pricing";
import { INPUT_CLASS } from "../form-controls";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Weekday happy hours: one window in the shop's time zone, or none. */
export function ScheduleFields({
  schedule,
  onChange,
  error,
  timeZone = "Europe/London",
}: {
  schedule: Schedule | null;
  onChange: (schedule: Schedule | null) => void;
  error?: string;
  timeZone?: string;
}) {
  const window = schedule?.windows[0];
  const setWindow = (patch: Partial<Schedule["windows"][number]>) => {
    if (!window || !schedule) return;
    onChange({ ...schedule, windows: [{ ...window, ...patch }] });
  };
  return (
    <fieldset className="space-y-2 text-sm">
      <legend className="font-medium">Hours</legend>
      <label className="flex min-h-9 items-center gap-2">
        <input
          type="checkbox"
          className="size-4"
          checked={schedule !== null}
          onChange={(event) =>
            onChange(
              event.target.checked
                ? {
                    timeZone,
                    windows: [{ days: [1, 2, 3, 4, 5], start: "17:00", end: "19:00" }],
                  }
                : null,
            )
          }
        />
        Only at certain hours ({schedule?.timeZone ?? timeZone})
      </label>
      {window && (
        <div className="space-y-2 pl-6">
          <div className="flex flex-wrap gap-3">
            {DAYS.map((day, index) => (
              <label key={day} className="flex min-h-9 items-center gap-1">
                <input
                  type="checkbox"
                  className="size-4"
                  checked={window.days.includes(index + 1)}
                  onChange={(event) =>
                    setWindow({
                      days: event.target.checked
                        ? [...window.days, index + 1].sort((a, b) => a - b)
                        : window.days.filter((d) => d !== index + 1),
                    })
                  }
                />
                {day}
              </label>
            ))}
          </div>
          <div className="flex items-center gap-2">
            <input
              type="time"
              aria-label="From"
              value={window.start}
              className={`${INPUT_CLASS} w-32`}
              onChange={(event) => setWindow({ start: event.target.value })}
            />
            <span>to</span>
            <input
              type="time"
              aria-label="Until"
              value={window.end}
              className={`${INPUT_CLASS} w-32`}
              onChange={(event) => setWindow({ end: event.target.value })}
            />
          </div>
        </div>
      )}
      {error && <p className="text-sm text-red-700">{error}</p>}
    </fieldset>
  );
}
