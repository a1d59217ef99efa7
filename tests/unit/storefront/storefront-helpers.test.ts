import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareSizes } from "@/lib/catalog/list-options";
import {
  listingFromSegment,
  listingQuery,
  listingSegment,
  parseListingParams,
} from "@/lib/catalog/listing-params";
import { distanceKm, geocodePlace } from "@/lib/geo/geocode-place";
import { tidyPostcode } from "@/lib/geo/postcode";
import { pickupPromise } from "@/lib/storefront/pickup-promise";
import { signToken, verifyToken } from "@/lib/storefront/signed-token";

describe("finding a shopper's place offline", () => {
  it.each([
    ["M20 2NT", "M20", 53.48],
    ["m202nt", "M20", 53.48],
    ["EH2", "EH2", 55.95],
    ["wc2e 9dp", "WC2E", 51.52],
    ["Manchester", "Manchester", 53.48],
    ["  newcastle upon tyne ", "Newcastle Upon Tyne", 54.97],
  ])("reads %s as %s", (input, label, latitude) => {
    expect(geocodePlace(input)).toMatchObject({ label, latitude });
  });

  it.each(["", "QQ1 1AA", "Atlantis", "x".repeat(80)])(
    "does not guess at %s",
    (input) => {
      expect(geocodePlace(input)).toBeNull();
    },
  );

  it("ranks Manchester nearer to a Stockport postcode than London is", () => {
    const stockport = geocodePlace("SK4 1AA");
    const manchester = geocodePlace("Manchester");
    const london = geocodePlace("London");
    if (!stockport || !manchester || !london) throw new Error("known places");
    expect(distanceKm(stockport, manchester)).toBeLessThan(15);
    expect(distanceKm(stockport, london)).toBeGreaterThan(200);
  });
});

describe("postcodes", () => {
  it.each([
    ["sw1y4jh", "SW1Y 4JH"],
    [" M2  4LQ ", "M2 4LQ"],
    ["10115", "10115"],
  ])("tidies %s to %s", (input, output) => {
    expect(tidyPostcode(input)).toBe(output);
  });
});

describe("sizes", () => {
  it("orders letters, then numbers, then bed sizes", () => {
    const sizes = ["King", "L", "10", "XS", "8", "Single", "M", "XXL"];
    expect([...sizes].sort(compareSizes)).toEqual([
      "XS",
      "M",
      "L",
      "XXL",
      "8",
      "10",
      "Single",
      "King",
    ]);
  });
});

describe("listing URLs", () => {
  it("reads filters leniently and writes them back the same", () => {
    const params = parseListingParams({
      size: ["M", "L", "M"],
      colour: "Navy",
      min: "20",
      max: "-5",
      sort: "price-asc",
      page: "0",
      store: "STR-LDN",
      delivery: "1",
    });
    expect(params).toEqual({
      sizes: ["M", "L"],
      colours: ["Navy"],
      minPrice: 20,
      maxPrice: undefined,
      isForDelivery: true,
      storeCode: "STR-LDN",
      sort: "price-asc",
      page: 1,
    });
    const query = new URLSearchParams(listingQuery(params).slice(1));
    const again: Record<string, string[]> = {};
    for (const [key, value] of query) again[key] = [...(again[key] ?? []), value];
    expect(parseListingParams(again)).toEqual(params);
  });

  it("ignores an unknown sort and a store code that is not a code", () => {
    expect(parseListingParams({ sort: "cheapest", store: "<script>" })).toMatchObject({
      sort: "featured",
      storeCode: undefined,
    });
  });
});

describe("signed tokens", () => {
  it("round-trips any payload and refuses any single-character change", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.nat(), (text, position) => {
        const token = signToken("test", { text }, "secret");
        expect(verifyToken("test", token, "secret")).toEqual({ text });
        const index = position % token.length;
        const changed =
          token.slice(0, index) +
          (token[index] === "A" ? "B" : "A") +
          token.slice(index + 1);
        expect(verifyToken("test", changed, "secret")).toBeNull();
      }),
    );
  });
});

describe("when a pickup can be collected", () => {
  const store = {
    timezone: "Europe/London",
    pickupReadyMinutes: 120,
    openingHours: {},
    pickupHours: {
      mon: { opens: "09:00", closes: "18:00" },
      tue: { opens: "09:00", closes: "18:00" },
    },
  };

  it("is today when the order is ready before pickup closes", () => {
    // Monday 2 November 2026, 10:00 in London (GMT).
    expect(pickupPromise(store, new Date("2026-11-02T10:00:00Z"))).toBe("today");
  });

  it("is tomorrow when it would be ready after closing", () => {
    expect(pickupPromise(store, new Date("2026-11-02T16:30:00Z"))).toBe("tomorrow");
  });

  it("is later when the next day is closed", () => {
    expect(pickupPromise(store, new Date("2026-11-03T17:00:00Z"))).toBe("later");
  });

  it("reads the clock in the store's own time zone", () => {
    // 16:30 UTC is 17:30 in London in June (BST): too late for a two-hour promise.
    expect(
      pickupPromise(
        { ...store, pickupHours: { mon: { opens: "09:00", closes: "19:00" } } },
        new Date("2026-06-01T16:30:00Z"),
      ),
    ).toBe("later");
  });
});

describe("listing filters as a path segment", () => {
  it("stands for the same listing as the query it came from", () => {
    const query = new URLSearchParams("colour=Navy&size=M&size=L&sort=price-asc&utm=x");
    const segment = listingSegment(query);
    expect(segment).toBe("size=M&size=L&colour=Navy&sort=price-asc");
    const listing = listingFromSegment(segment);
    expect(listing).toMatchObject({
      sizes: ["M", "L"],
      colours: ["Navy"],
      sort: "price-asc",
    });
    // Next may hand the segment over still percent-encoded.
    expect(listingFromSegment(encodeURIComponent(segment))).toEqual(listing);
  });

  it("is 'all' for a listing with no filters, or only unknown ones", () => {
    expect(listingSegment(new URLSearchParams(""))).toBe("all");
    expect(listingSegment(new URLSearchParams("page=1&ref=mail"))).toBe("all");
    expect(listingFromSegment("all")).toEqual(parseListingParams({}));
  });

  it("keeps a value holding separators intact", () => {
    const segment = listingSegment(new URLSearchParams({ colour: "Black & White/Grey" }));
    expect(listingFromSegment(encodeURIComponent(segment)).colours).toEqual([
      "Black & White/Grey",
    ]);
  });

  it("reads a mangled segment as no filters rather than failing", () => {
    expect(listingFromSegment("%E0%A4%A")).toEqual(parseListingParams({}));
  });
});
