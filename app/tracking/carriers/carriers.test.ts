import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { carrierFromCompany } from "./carriers";
import { detectCarrier, numberShape } from "./detect";
import { luhn, mod10Weighted31, OWN_RULES } from "./rules";
import { LABELLED_NUMBERS } from "./test-set";

describe("detectCarrier", () => {
  it("names the right carrier for at least 99% of real-format numbers from their format alone", () => {
    const misses = LABELLED_NUMBERS.filter(
      ({ number, carrier }) => detectCarrier(number).carrier !== carrier,
    );
    const accuracy = 1 - misses.length / LABELLED_NUMBERS.length;
    expect(LABELLED_NUMBERS.length).toBeGreaterThan(90);
    expect(accuracy).toBeGreaterThanOrEqual(0.99);
  });

  it("is right for every number once Shopify's tracking company is known", () => {
    for (const { number, carrier } of LABELLED_NUMBERS) {
      expect(detectCarrier(number, { hint: carrier }).carrier, number).toBe(carrier);
    }
  });

  it("is sure of a checked format, less sure of a pattern, unsure when two carriers share the format", () => {
    expect(detectCarrier("1Z5R89390357567127")).toEqual({
      number: "1Z5R89390357567127",
      carrier: "ups",
      confidence: 0.85,
      valid: true,
    });
    expect(detectCarrier("JJD0002257639032011").confidence).toBe(0.6);
    const ambiguous = detectCarrier("287809468872");
    expect(ambiguous.confidence).toBeLessThan(0.5);
    expect(detectCarrier("1Z5R89390357567127", { hint: "ups" }).confidence).toBe(0.99);
  });

  it("rejects a wrong check digit", () => {
    expect(detectCarrier("1Z5R89390357567128")).toMatchObject({ carrier: null, valid: false });
    expect(detectCarrier("0073938000549292").carrier).not.toBe("canada_post");
  });

  it("learns from the shop's history which carrier an ambiguous format is", () => {
    const history = { purolator: 12, fedex: 1 };
    expect(detectCarrier("287809468872", { history }).carrier).toBe("purolator");
    expect(detectCarrier("287809468872", { history: {} }).carrier).toBe("fedex");
  });

  it("falls back to the merchant's tracking company when the format is unknown", () => {
    expect(detectCarrier("ABC-123", { hint: "dhl" })).toMatchObject({
      carrier: "dhl",
      confidence: 0.5,
      valid: false,
    });
    expect(detectCarrier("ABC-123")).toMatchObject({ carrier: null, confidence: 0 });
  });

  it("gives numbers of one format one shape", () => {
    expect(numberShape("1Z5R89390357567127")).toBe(numberShape("1z 9a12 3456 7890 1234"));
    expect(numberShape("TBA123456789012")).not.toBe(numberShape("1Z5R89390357567127"));
  });
});

describe("own rules", () => {
  it("each cite a source and match a published sample", () => {
    for (const rule of OWN_RULES) {
      expect(rule.source.length).toBeGreaterThan(20);
      expect(
        LABELLED_NUMBERS.some(
          ({ number, carrier }) =>
            carrier === rule.carrier && rule.pattern.test(number.replace(/[\s-]/g, "")),
        ),
        rule.name,
      ).toBe(true);
    }
  });

  it("check digits", () => {
    expect(luhn("320595463938")).toBe(true);
    expect(luhn("320595463939")).toBe(false);
    expect(mod10Weighted31("0073938000549297")).toBe(true);
    expect(mod10Weighted31("0073938000549292")).toBe(false);
  });
});

it("maps Shopify's tracking companies to carrier codes", () => {
  expect(carrierFromCompany("UPS")).toBe("ups");
  expect(carrierFromCompany("FedEx")).toBe("fedex");
  expect(carrierFromCompany("DHL eCommerce")).toBe("dhl");
  expect(carrierFromCompany("Amazon Logistics US")).toBe("amazon");
  expect(carrierFromCompany("Canada Post")).toBe("canada_post");
  expect(carrierFromCompany("Other")).toBeNull();
  expect(carrierFromCompany(null)).toBeNull();
});

it("npm run -s carrier prints one JSON object per number", () => {
  const root = path.resolve(import.meta.dirname, "../../..");
  const output = execFileSync(
    "npm",
    [
      "run",
      "-s",
      "carrier",
      "--",
      "1Z5R89390357567127",
      "TBA123456789012",
      "C11031500001879",
      "LX17635036",
      "9205590164917312751089",
      "RB123456785GB",
      "0073938000549297",
      "nothing-known",
    ],
    { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
  );
  const lines = output
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  expect(lines.map((line) => line.carrier)).toEqual([
    "ups",
    "amazon",
    "ontrac",
    "lasership",
    "usps",
    "s10",
    "canada_post",
    null,
  ]);
  expect(lines[0]).toEqual({
    number: "1Z5R89390357567127",
    carrier: "ups",
    confidence: 0.85,
    valid: true,
  });
  expect(Object.keys(lines[7])).toEqual(["number", "carrier", "confidence", "valid"]);
});
