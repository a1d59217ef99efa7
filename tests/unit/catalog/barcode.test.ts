import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkGtin,
  gtinCheckDigit,
  isValidGtin,
  toGtin14,
  withCheckDigit,
} from "../../../lib/catalog/barcode";

// Codes printed on real products or used as worked examples by GS1 and
// the standards' own documentation.
const VALID_CODES = [
  { code: "4006381333931", format: "EAN_13", what: "EAN-13 worked example (a pen)" },
  { code: "5449000000996", format: "EAN_13", what: "Coca-Cola 330 ml can" },
  { code: "9780306406157", format: "EAN_13", what: "ISBN-13 as EAN-13" },
  { code: "5000112548167", format: "EAN_13", what: "UK-prefixed grocery item" },
  { code: "96385074", format: "EAN_8", what: "EAN-8 worked example" },
  { code: "73513537", format: "EAN_8", what: "EAN-8 on a small pack" },
  { code: "036000291452", format: "UPC_A", what: "UPC-A worked example" },
  { code: "012345678905", format: "UPC_A", what: "UPC-A test pattern" },
  { code: "10012345678902", format: "GTIN_14", what: "GTIN-14 of a case" },
  { code: "00012345678905", format: "GTIN_14", what: "UPC-A padded to 14" },
] as const;

const INVALID_CODES = [
  { code: "", problem: "empty" },
  { code: "4006381333932", problem: "wrong_check_digit", expected: 1, actual: 2 },
  { code: "5449000000997", problem: "wrong_check_digit", expected: 6, actual: 7 },
  { code: "96385075", problem: "wrong_check_digit", expected: 4, actual: 5 },
  { code: "036000291453", problem: "wrong_check_digit", expected: 2, actual: 3 },
  { code: "10012345678903", problem: "wrong_check_digit", expected: 2, actual: 3 },
  { code: "400638133393", problem: "wrong_check_digit", expected: 0, actual: 3 },
  { code: "40063813339", problem: "wrong_length" },
  { code: "400638133393100", problem: "wrong_length" },
  { code: "4006381 333931", problem: "non_digit" },
  { code: "40063813339O1", problem: "non_digit" },
  { code: "-4006381333931", problem: "non_digit" },
] as const;

describe("checkGtin", () => {
  it.each(VALID_CODES)("accepts $code ($what)", ({ code, format }) => {
    expect(checkGtin(code)).toEqual({ isValid: true, format, code });
  });

  it.each(INVALID_CODES)("refuses $code as $problem", (row) => {
    const check = checkGtin(row.code);

    expect(check.isValid).toBe(false);
    if (check.isValid) return;
    expect(check.problem).toBe(row.problem);
    expect(check.message).not.toBe("");
    if ("expected" in row) {
      expect(check.expectedCheckDigit).toBe(row.expected);
      expect(check.actualCheckDigit).toBe(row.actual);
    }
  });

  it("names the first character that is not a digit", () => {
    const check = checkGtin("40063813339O1");

    expect(check.isValid).toBe(false);
    if (!check.isValid) expect(check.message).toContain('character 12 is "O"');
  });

  it("says which lengths are allowed when the length is wrong", () => {
    const check = checkGtin("1234567");

    expect(check.isValid).toBe(false);
    if (!check.isValid) expect(check.message).toMatch(/8, 12, 13 or 14 digits.*has 7/);
  });
});

describe("gtinCheckDigit and withCheckDigit", () => {
  it("computes the digit the worked examples end with", () => {
    expect(gtinCheckDigit("400638133393")).toBe(1);
    expect(gtinCheckDigit("9638507")).toBe(4);
    expect(gtinCheckDigit("03600029145")).toBe(2);
    expect(withCheckDigit("1001234567890")).toBe("10012345678902");
  });

  it("refuses a body that no format can complete", () => {
    expect(() => withCheckDigit("123")).toThrow(RangeError);
    expect(() => gtinCheckDigit("12a")).toThrow(RangeError);
  });
});

describe("toGtin14", () => {
  it("pads every format to the same 14-digit key", () => {
    expect(toGtin14("036000291452")).toBe("00036000291452");
    expect(toGtin14("96385074")).toBe("00000096385074");
    expect(() => toGtin14("96385075")).toThrow(/check digit should be 4/);
  });
});

describe("check digit properties", () => {
  const digits = (length: number) =>
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length });
  const anyBody = fc.oneof(digits(7), digits(11), digits(12), digits(13));

  it("accepts any 12 digits followed by their computed check digit", () => {
    fc.assert(
      fc.property(digits(12), (body) => {
        const code = withCheckDigit(body.join(""));
        expect(checkGtin(code)).toMatchObject({ isValid: true, format: "EAN_13" });
      }),
    );
  });

  it("catches every change of a single digit, in every format", () => {
    fc.assert(
      fc.property(
        anyBody,
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (body, where, shift) => {
          const code = withCheckDigit(body.join(""));
          const index = where % code.length;
          const changed = (Number(code[index]) + shift) % 10;
          const typo = `${code.slice(0, index)}${changed}${code.slice(index + 1)}`;

          expect(isValidGtin(code)).toBe(true);
          expect(isValidGtin(typo)).toBe(false);
        },
      ),
    );
  });
});
