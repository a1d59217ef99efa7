import type { StaffRole } from "../generated/enums";

/** The one password every demo account shares; shown in the start-up log. */
export const DEMO_PASSWORD = "omnitill-demo";

/** A demo staff member, with the locations they work at by code. */
export interface StaffSpec {
  email: string;
  name: string;
  role: StaffRole;
  locations: readonly string[];
  /** Four-digit POS PIN for switching associate at a register. */
  pin?: string;
}

export const STAFF_SPECS: readonly StaffSpec[] = [
  { email: "owner@omnitill.test", name: "Eleanor Marsh", role: "OWNER", locations: [] },
  {
    email: "merchandiser@omnitill.test",
    name: "Priya Shah",
    role: "MERCHANDISER",
    locations: [],
  },
  {
    email: "manager.london@omnitill.test",
    name: "Tom Okafor",
    role: "STORE_MANAGER",
    // The King's Cross pop-up is run from the Covent Garden store.
    locations: ["STR-LDN", "POP-KXC"],
    pin: "4812",
  },
  {
    email: "manager.manchester@omnitill.test",
    name: "Hannah Clarke",
    role: "STORE_MANAGER",
    locations: ["STR-MAN"],
    pin: "5127",
  },
  {
    email: "manager.edinburgh@omnitill.test",
    name: "Callum Fraser",
    role: "STORE_MANAGER",
    locations: ["STR-EDI"],
    pin: "6390",
  },
  {
    email: "associate.london@omnitill.test",
    name: "Maya Lewis",
    role: "ASSOCIATE",
    locations: ["STR-LDN"],
    pin: "2468",
  },
  {
    email: "daniel.kowalski@omnitill.test",
    name: "Daniel Kowalski",
    role: "ASSOCIATE",
    locations: ["STR-LDN", "POP-KXC"],
    pin: "1357",
  },
  {
    email: "associate.manchester@omnitill.test",
    name: "Chloe Adeyemi",
    role: "ASSOCIATE",
    locations: ["STR-MAN"],
    pin: "3690",
  },
  {
    email: "ryan.doyle@omnitill.test",
    name: "Ryan Doyle",
    role: "ASSOCIATE",
    locations: ["STR-MAN"],
    pin: "8024",
  },
  {
    email: "associate.edinburgh@omnitill.test",
    name: "Eilidh MacLeod",
    role: "ASSOCIATE",
    locations: ["STR-EDI"],
    pin: "7531",
  },
  {
    email: "associate.popup@omnitill.test",
    name: "Zara Ahmed",
    role: "ASSOCIATE",
    locations: ["POP-KXC"],
    pin: "9146",
  },
  {
    email: "fulfillment.midlands@omnitill.test",
    name: "Ben Turner",
    role: "FULFILLMENT",
    locations: ["WH-MID"],
  },
  {
    email: "fulfillment.north@omnitill.test",
    name: "Laura Kerr",
    role: "FULFILLMENT",
    locations: ["WH-NTH"],
  },
  {
    email: "fulfillment.darkstore@omnitill.test",
    name: "Kwame Mensah",
    role: "FULFILLMENT",
    locations: ["DRK-LDN"],
  },
];

/** A postal address as orders store it in shippingAddress. */
export interface DemoAddress {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  country: "GB";
  phone?: string;
}

/** A demo customer; `address` is where their web orders go. */
export interface CustomerSpec {
  key: string;
  /** Null for a walk-in known to the store only by phone. */
  email: string | null;
  firstName: string;
  lastName: string;
  phone: string | null;
  hasAccount: boolean;
  groups: readonly string[];
  marketingOptIn: boolean;
  /** The store they use for pickup and counter sales. */
  homeStore: string;
  /** Near London, so the dark store can deliver to them. */
  isInLondon: boolean;
  address: Omit<DemoAddress, "name" | "country" | "phone">;
  joinedDaysAgo: number;
}

// Phone numbers are from Ofcom's 07700 900xxx range reserved for drama;
// emails are on example.com, which no one can receive mail at.
export const CUSTOMER_SPECS: readonly CustomerSpec[] = [
  {
    key: "amelia",
    email: "amelia.hughes@example.com",
    firstName: "Amelia",
    lastName: "Hughes",
    phone: "07700 900123",
    hasAccount: true,
    groups: ["vip"],
    marketingOptIn: true,
    homeStore: "STR-LDN",
    isInLondon: true,
    address: { line1: "14 Albion Road", city: "London", postalCode: "N16 9PH" },
    joinedDaysAgo: 540,
  },
  {
    key: "oliver",
    email: "oliver.bennett@example.com",
    firstName: "Oliver",
    lastName: "Bennett",
    phone: "07700 900456",
    hasAccount: true,
    groups: [],
    marketingOptIn: false,
    homeStore: "STR-MAN",
    isInLondon: false,
    address: { line1: "22 Lapwing Lane", city: "Manchester", postalCode: "M20 2NT" },
    joinedDaysAgo: 300,
  },
  {
    key: "isla",
    email: "isla.campbell@example.com",
    firstName: "Isla",
    lastName: "Campbell",
    phone: "07700 900789",
    hasAccount: true,
    groups: ["vip"],
    marketingOptIn: true,
    homeStore: "STR-EDI",
    isInLondon: false,
    address: { line1: "5 Comiston Drive", city: "Edinburgh", postalCode: "EH10 5QR" },
    joinedDaysAgo: 360,
  },
  {
    key: "harry",
    email: "harry.patel@example.com",
    firstName: "Harry",
    lastName: "Patel",
    phone: "07700 900234",
    hasAccount: true,
    groups: [],
    marketingOptIn: true,
    homeStore: "STR-MAN",
    isInLondon: false,
    address: {
      line1: "37 Clarendon Park Road",
      city: "Leicester",
      postalCode: "LE2 3AL",
    },
    joinedDaysAgo: 120,
  },
  {
    key: "sophie",
    email: "sophie.walsh@example.com",
    firstName: "Sophie",
    lastName: "Walsh",
    phone: "07700 900567",
    hasAccount: false,
    groups: [],
    marketingOptIn: false,
    homeStore: "STR-MAN",
    isInLondon: false,
    address: { line1: "9 Cardigan Road", city: "Leeds", postalCode: "LS6 3AE" },
    joinedDaysAgo: 40,
  },
  {
    key: "george",
    email: "george.evans@example.com",
    firstName: "George",
    lastName: "Evans",
    phone: "07700 900890",
    hasAccount: true,
    groups: [],
    marketingOptIn: false,
    homeStore: "STR-LDN",
    isInLondon: false,
    address: { line1: "61 Pontcanna Street", city: "Cardiff", postalCode: "CF11 9HS" },
    joinedDaysAgo: 210,
  },
  {
    key: "freya",
    email: "freya.thompson@example.com",
    firstName: "Freya",
    lastName: "Thompson",
    phone: "07700 900345",
    hasAccount: true,
    // Works at head office; staff pricing applies at the counter.
    groups: ["staff"],
    marketingOptIn: false,
    homeStore: "STR-LDN",
    isInLondon: true,
    address: { line1: "3 Crystal Palace Road", city: "London", postalCode: "SE22 9HB" },
    joinedDaysAgo: 400,
  },
  {
    key: "noah",
    email: "noah.williams@example.com",
    firstName: "Noah",
    lastName: "Williams",
    phone: null,
    hasAccount: false,
    groups: [],
    marketingOptIn: false,
    homeStore: "STR-LDN",
    isInLondon: false,
    address: { line1: "18 Chandos Road", city: "Bristol", postalCode: "BS6 6PE" },
    joinedDaysAgo: 30,
  },
  {
    key: "grace",
    email: "grace.oneill@example.com",
    firstName: "Grace",
    lastName: "O'Neill",
    phone: "07700 900678",
    hasAccount: true,
    groups: [],
    marketingOptIn: true,
    homeStore: "STR-EDI",
    isInLondon: false,
    address: {
      line1: "Flat 2/1",
      line2: "42 Hyndland Road",
      city: "Glasgow",
      postalCode: "G12 9UR",
    },
    joinedDaysAgo: 150,
  },
  {
    key: "arjun",
    email: null,
    firstName: "Arjun",
    lastName: "Mehta",
    phone: "07700 900901",
    hasAccount: false,
    groups: [],
    marketingOptIn: false,
    homeStore: "STR-LDN",
    isInLondon: true,
    address: { line1: "27 Mare Street", city: "London", postalCode: "E8 4RP" },
    joinedDaysAgo: 60,
  },
];
