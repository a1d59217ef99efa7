import { beforeAll, describe, expect, it } from "vitest";
import {
  listCategoryMatches,
  listSearchMatches,
} from "@/lib/catalog/list-search-matches";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createClothingShop } from "./fixtures";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await createClothingShop(db.prisma);
});

const titlesFor = async (query: string) =>
  (await listSearchMatches(db.prisma, { query })).map((p) => p.title);

describe("storefront search", () => {
  it("finds a product despite typos in what was typed", async () => {
    expect((await titlesFor("mering jumpr"))[0]).toBe("Merino Jumper");
    expect((await titlesFor("cashmire"))[0]).toBe("Cashmere Cardigan");
  });

  it("finds products by an option value such as a colour", async () => {
    expect(await titlesFor("navy")).toEqual(
      expect.arrayContaining(["Merino Jumper", "Cashmere Cardigan"]),
    );
  });

  it("puts the product of an exact SKU first", async () => {
    expect((await titlesFor("tee-s-wht"))[0]).toBe("Crew Tee");
  });

  it("never finds a draft product", async () => {
    expect(await titlesFor("secret jumper")).not.toContain("Secret Jumper");
  });

  it("finds nothing for words unlike anything sold", async () => {
    expect(await titlesFor("xylophone")).toEqual([]);
  });

  it("suggests a category whose name looks like the words", async () => {
    const categories = await listCategoryMatches(db.prisma, { query: "knitwar" });
    expect(categories[0]).toMatchObject({
      handle: "women-knitwear",
      parentName: "Women",
    });
  });

  it("refuses an empty or very long query", async () => {
    await expect(listSearchMatches(db.prisma, { query: "   " })).rejects.toMatchObject({
      code: "invalid_input",
    });
    await expect(
      listSearchMatches(db.prisma, { query: "x".repeat(101) }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });
});
