import { z } from "zod";
import { PrinterAddressSchema } from "@/lib/receipts/printer-address";
import {
  type DayHours,
  WEEKDAY_LABELS,
  WEEKDAYS,
  type Weekday,
  type WeeklyHours,
} from "./hours";
import { isTimezone } from "./timezones";

export const LOCATION_KINDS = ["WAREHOUSE", "STORE", "DARK_STORE", "POPUP"] as const;

export const LOCATION_KIND_LABELS: Record<(typeof LOCATION_KINDS)[number], string> = {
  WAREHOUSE: "Warehouse",
  STORE: "Store",
  DARK_STORE: "Dark store",
  POPUP: "Pop-up",
};

const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Use a 24-hour time such as 09:30." });

const dayHoursSchema = z
  .object({ opens: time, closes: time })
  .refine((day) => day.closes > day.opens, {
    error: "Closing must be after opening.",
    path: ["closes"],
  });

/** A week of hours; a day left out (or null) is closed. */
export const weeklyHoursSchema = z
  .object(
    Object.fromEntries(WEEKDAYS.map((day) => [day, dayHoursSchema.nullish()])) as Record<
      Weekday,
      z.ZodOptional<z.ZodNullable<typeof dayHoursSchema>>
    >,
  )
  .transform((week): WeeklyHours => {
    const hours: WeeklyHours = {};
    for (const day of WEEKDAYS) {
      const span = week[day];
      if (span) hours[day] = span;
    }
    return hours;
  });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Use at most ${max} characters.` })
    .nullish()
    .transform((value) => value || null);

const isoDay = z.iso.date({ error: "Enter a date." });

/** What the location form sends, for a new location or an edit. */
export const locationInputSchema = z
  .object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, {
        error: "2 to 20 letters, digits or dashes, e.g. STR-BRS.",
      }),
    name: z.string().trim().min(1, { error: "Enter a name." }).max(120),
    kind: z.enum(LOCATION_KINDS, { error: "Choose a kind of location." }),
    addressLine1: z
      .string()
      .trim()
      .min(1, { error: "Enter the street address." })
      .max(200),
    addressLine2: optionalText(200),
    city: z.string().trim().min(1, { error: "Enter the town or city." }).max(120),
    region: optionalText(120),
    postalCode: z.string().trim().min(1, { error: "Enter the postcode." }).max(20),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, { error: "Use the two-letter country code, e.g. GB." }),
    latitude: z
      .number({ error: "Enter the latitude as a number." })
      .min(-90, { error: "Latitude is between -90 and 90." })
      .max(90, { error: "Latitude is between -90 and 90." }),
    longitude: z
      .number({ error: "Enter the longitude as a number." })
      .min(-180, { error: "Longitude is between -180 and 180." })
      .max(180, { error: "Longitude is between -180 and 180." }),
    timezone: z
      .string()
      .refine(isTimezone, { error: "Choose a timezone from the list." }),
    phone: optionalText(40),
    canSellInStore: z.boolean(),
    canShip: z.boolean(),
    canPickup: z.boolean(),
    dailyCapacity: z
      .number({ error: "Enter a whole number of orders." })
      .int({ error: "Enter a whole number of orders." })
      .min(0, { error: "Capacity cannot be negative." })
      .max(1_000_000),
    openingHours: weeklyHoursSchema,
    pickupHours: weeklyHoursSchema,
    pickupReadyMinutes: z
      .number({ error: "Enter minutes as a whole number." })
      .int({ error: "Enter minutes as a whole number." })
      .min(5, { error: "Promise at least 5 minutes." })
      .max(14 * 24 * 60, { error: "Promise at most 14 days." })
      .nullish()
      .transform((value) => value ?? null),
    opensOn: isoDay.nullish().transform((value) => value ?? null),
    closesOn: isoDay.nullish().transform((value) => value ?? null),
  })
  .superRefine(checkLocationRules);

export type LocationInput = z.output<typeof locationInputSchema>;

// Rules that tie fields together; each names the field a person must fix.
function checkLocationRules(
  location: {
    kind: string;
    canPickup: boolean;
    pickupReadyMinutes?: number | null;
    openingHours: WeeklyHours;
    pickupHours: WeeklyHours;
    opensOn?: string | null;
    closesOn?: string | null;
  },
  context: z.RefinementCtx,
): void {
  if (location.canPickup) {
    if (location.pickupReadyMinutes == null) {
      context.addIssue({
        code: "custom",
        path: ["pickupReadyMinutes"],
        message: "Say how soon a pickup order is ready.",
      });
    }
    if (Object.keys(location.pickupHours).length === 0) {
      context.addIssue({
        code: "custom",
        path: ["pickupHours"],
        message: "Give at least one day of pickup hours.",
      });
    }
  }

  for (const day of WEEKDAYS) {
    const pickup = location.pickupHours[day];
    if (pickup && !within(pickup, location.openingHours[day])) {
      context.addIssue({
        code: "custom",
        path: ["pickupHours", day, "opens"],
        message: `Pickup on ${WEEKDAY_LABELS[day]} must be within opening hours.`,
      });
    }
  }

  if (location.kind === "POPUP" && !location.opensOn) {
    context.addIssue({
      code: "custom",
      path: ["opensOn"],
      message: "Give the pop-up's first trading day.",
    });
  }
  if (location.opensOn && location.closesOn && location.closesOn < location.opensOn) {
    context.addIssue({
      code: "custom",
      path: ["closesOn"],
      message: "The last day must be on or after the first.",
    });
  }
}

function within(inner: DayHours, outer: DayHours | undefined): boolean {
  return !!outer && inner.opens >= outer.opens && inner.closes <= outer.closes;
}

export const updateLocationSchema = z.object({
  id: z.uuid({ error: "Unknown location." }),
  location: locationInputSchema,
});

export const setLocationActiveSchema = z.object({
  id: z.uuid({ error: "Unknown location." }),
  isActive: z.boolean(),
});

const registerName = z
  .string()
  .trim()
  .min(1, { error: "Name the register." })
  .max(40, { error: "Use at most 40 characters." });

export const addRegisterSchema = z.object({
  locationId: z.uuid({ error: "Unknown location." }),
  name: registerName,
});

export const renameRegisterSchema = z.object({
  registerId: z.uuid({ error: "Unknown register." }),
  name: registerName,
});

export const setRegisterActiveSchema = z.object({
  registerId: z.uuid({ error: "Unknown register." }),
  isActive: z.boolean(),
});

export const setRegisterPrinterSchema = z.strictObject({
  registerId: z.string().trim().min(1),
  /** Empty clears it. */
  printerAddress: z.union([z.literal("").transform(() => null), PrinterAddressSchema]),
});

/** A Stripe Terminal reader's id, as the Stripe Dashboard shows it. */
export const TerminalReaderIdSchema = z
  .string()
  .trim()
  .max(64, { error: "A reader id is at most 64 characters." })
  .regex(/^tmr_[A-Za-z0-9]+$/, {
    error: "Use the reader's id from Stripe, e.g. tmr_FDOt2wlRZEdpd7.",
  });

export const setRegisterReaderSchema = z.strictObject({
  registerId: z.uuid({ error: "Unknown register." }),
  /** Empty clears it: the register goes back to the TEST MODE reader. */
  terminalReaderId: z.union([
    z.literal("").transform(() => null),
    TerminalReaderIdSchema,
  ]),
});
