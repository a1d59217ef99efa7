import type { LocationKind } from "../generated/enums";
import { daysBefore } from "./time";

/** A demo location, before ids and timestamps are attached. */
export interface LocationSpec {
  code: string;
  name: string;
  kind: LocationKind;
  addressLine1: string;
  addressLine2?: string;
  city: string;
  region: string;
  postalCode: string;
  latitude: number;
  longitude: number;
  phone: string;
  canSellInStore: boolean;
  canShip: boolean;
  canPickup: boolean;
  dailyCapacity: number;
  /** Till names; only locations that sell at the counter have any. */
  registers: string[];
  /** Days before the seed epoch that the location opened in the system. */
  openedDaysAgo: number;
}

// Phone numbers are from Ofcom's ranges reserved for drama, so none of
// them rings a real line. Addresses are plausible, not real tenancies.
export const LOCATION_SPECS: readonly LocationSpec[] = [
  {
    code: "WH-MID",
    name: "Midlands Distribution Centre",
    kind: "WAREHOUSE",
    addressLine1: "Unit 4, Argosy Way",
    addressLine2: "Magna Park",
    city: "Lutterworth",
    region: "Leicestershire",
    postalCode: "LE17 4XN",
    latitude: 52.4563,
    longitude: -1.2141,
    phone: "0116 496 0321",
    canSellInStore: false,
    canShip: true,
    canPickup: false,
    dailyCapacity: 1500,
    registers: [],
    openedDaysAgo: 620,
  },
  {
    code: "WH-NTH",
    name: "North Distribution Centre",
    kind: "WAREHOUSE",
    addressLine1: "Unit 7, Wakefield Europort",
    addressLine2: "Park Road",
    city: "Normanton",
    region: "West Yorkshire",
    postalCode: "WF6 1BF",
    latitude: 53.7009,
    longitude: -1.4312,
    phone: "0113 496 0548",
    canSellInStore: false,
    canShip: true,
    canPickup: false,
    dailyCapacity: 900,
    registers: [],
    openedDaysAgo: 410,
  },
  {
    code: "STR-LDN",
    name: "London Covent Garden",
    kind: "STORE",
    addressLine1: "27 Floral Street",
    city: "London",
    region: "Greater London",
    postalCode: "WC2E 9DP",
    latitude: 51.5124,
    longitude: -0.1243,
    phone: "020 7946 0172",
    canSellInStore: true,
    canShip: false,
    canPickup: true,
    dailyCapacity: 80,
    registers: ["Till 1", "Till 2"],
    openedDaysAgo: 600,
  },
  {
    code: "STR-MAN",
    name: "Manchester King Street",
    kind: "STORE",
    addressLine1: "54 King Street",
    city: "Manchester",
    region: "Greater Manchester",
    postalCode: "M2 4LQ",
    latitude: 53.4808,
    longitude: -2.2452,
    phone: "0161 496 0784",
    canSellInStore: true,
    canShip: false,
    canPickup: true,
    dailyCapacity: 60,
    registers: ["Till 1", "Till 2"],
    openedDaysAgo: 540,
  },
  {
    code: "STR-EDI",
    name: "Edinburgh George Street",
    kind: "STORE",
    addressLine1: "88 George Street",
    city: "Edinburgh",
    region: "City of Edinburgh",
    postalCode: "EH2 3BU",
    latitude: 55.9533,
    longitude: -3.2007,
    phone: "0131 496 0935",
    canSellInStore: true,
    canShip: false,
    canPickup: true,
    dailyCapacity: 40,
    registers: ["Till 1"],
    openedDaysAgo: 380,
  },
  {
    code: "DRK-LDN",
    name: "London Bermondsey Dark Store",
    kind: "DARK_STORE",
    addressLine1: "Unit 3, Bermondsey Trading Estate",
    addressLine2: "Rotherhithe New Road",
    city: "London",
    region: "Greater London",
    postalCode: "SE16 3LL",
    latitude: 51.4871,
    longitude: -0.0559,
    phone: "020 7946 0613",
    canSellInStore: false,
    // Ships only: same-day and next-morning delivery inside the M25.
    canShip: true,
    canPickup: false,
    dailyCapacity: 300,
    registers: [],
    openedDaysAgo: 200,
  },
  {
    code: "POP-KXC",
    name: "King's Cross Pop-up",
    kind: "POPUP",
    addressLine1: "Unit 12, Coal Drops Yard",
    city: "London",
    region: "Greater London",
    postalCode: "N1C 4AB",
    latitude: 51.5357,
    longitude: -0.1259,
    phone: "020 7946 0890",
    // A seasonal stand: sells over the counter, holds no online orders.
    canSellInStore: true,
    canShip: false,
    canPickup: false,
    dailyCapacity: 0,
    registers: ["Till 1"],
    openedDaysAgo: 45,
  },
];

/** When a location opened in the system. */
export function locationOpenedAt(spec: LocationSpec): Date {
  return daysBefore(spec.openedDaysAgo, 8);
}

type Hours = Partial<
  Record<"mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun", object>
>;

function week(days: string[], opens: string, closes: string): Hours {
  return Object.fromEntries(days.map((day) => [day, { opens, closes }]));
}

const MON_SAT = ["mon", "tue", "wed", "thu", "fri", "sat"];
const EVERY_DAY = [...MON_SAT, "sun"];

/** Opening and pickup hours a location of this kind keeps, for the demo. */
export function demoHours(spec: LocationSpec) {
  switch (spec.kind) {
    case "WAREHOUSE":
      return {
        openingHours: week(MON_SAT.slice(0, 5), "07:00", "19:00"),
        pickupHours: {},
      };
    case "DARK_STORE":
      return { openingHours: week(EVERY_DAY, "07:00", "23:00"), pickupHours: {} };
    case "POPUP":
      return {
        openingHours: week(["thu", "fri", "sat", "sun"], "10:00", "19:00"),
        pickupHours: {},
      };
    case "STORE":
      return {
        openingHours: {
          ...week(MON_SAT, "09:00", "18:00"),
          sun: { opens: "11:00", closes: "17:00" },
        },
        pickupHours: spec.canPickup
          ? {
              ...week(MON_SAT, "10:00", "17:30"),
              sun: { opens: "11:00", closes: "16:30" },
            }
          : {},
        pickupReadyMinutes: spec.canPickup ? 120 : null,
      };
  }
}
