import { describe, expect, it } from "vitest";
import { migrationSlug, nextTimestamp } from "@/lib/db/migrations/create";
import { checksumOf, matchesChecksum } from "@/lib/db/migrations/directory";

describe("migration folder names", () => {
  it.each([
    ["init", "init"],
    ["Add gift cards", "add_gift_cards"],
    ["  order--routing rules! ", "order_routing_rules"],
    ["v2 API keys", "v2_api_keys"],
  ])("names %j as %j", (name, slug) => {
    expect(migrationSlug(name)).toBe(slug);
  });

  it("refuses a name with no letters or digits", () => {
    expect(() => migrationSlug(" -- ")).toThrow(/not a usable migration name/);
  });

  it.each([
    ["no earlier migration", "2030-01-02T03:04:05.999Z", undefined, "20300102030405"],
    ["a later clock", "2030-01-02T03:04:05Z", "20300102030404_init", "20300102030405"],
    ["the same second", "2030-01-02T03:04:05Z", "20300102030405_init", "20300102030406"],
    ["a clock behind", "2029-12-31T23:59:59Z", "20300101000000_init", "20300101000001"],
    ["the end of a day", "2030-01-01T00:00:00Z", "20301231235959_init", "20310101000000"],
  ])("stamps in UTC after %s", (_case, now, last, stamp) => {
    expect(nextTimestamp(new Date(now), last)).toBe(stamp);
  });
});

describe("migration checksums", () => {
  const script =
    'CREATE TABLE "Bin" ("id" INTEGER);\nALTER TABLE "Bin" ADD COLUMN "size" INTEGER;\n';

  it("is the sha256 of the script as hex, as Prisma stores it", () => {
    expect(checksumOf("")).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    expect(checksumOf(script)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("matches the same script with other line endings, and nothing else", () => {
    const recorded = checksumOf(script);

    expect(matchesChecksum(script.replaceAll("\n", "\r\n"), recorded)).toBe(true);
    expect(matchesChecksum(`${script}-- edited\n`, recorded)).toBe(false);
  });
});
