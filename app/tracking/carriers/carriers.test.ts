import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { CARRIERS, carrierFromCompany, specCarrier } from "./carriers";
import { detectCarrier, numberShape } from "./detect";
import {
  loadSpecFormats,
  matchFormat,
  regexBits,
  SPEC_COURIER_FILES,
  type SpecCourier,
  type SpecFormat,
} from "./spec";
import { LABELLED_NUMBERS } from "./test-set";

const formats = loadSpecFormats();
const couriers = SPEC_COURIER_FILES as SpecCourier[];
const bare = (number: string) => number.replace(/\s+/g, "").toUpperCase();
/** Each spec format with its own test numbers (formats are loaded in the files' order). */
const formatsWithNumbers = couriers.flatMap((courier) =>
  courier.tracking_numbers.map((entry) => entry.test_numbers),
);

function validFor(format: SpecFormat, number: string) {
  return matchFormat(format, bare(number))?.valid ?? false;
}

describe("the tracking_number_data interpreter", () => {
  it("reads every courier file of the spec", () => {
    expect(new Set(formats.map((format) => format.courierCode)).size).toBe(18);
    expect(formats).toHaveLength(formatsWithNumbers.length);
  });

  // The spec's own conformance rules (its spec/format_spec.rb and implementation_spec.rb): each
  // format validates its valid test numbers and none of its invalid ones.
  it("validates each format's valid test numbers and rejects its invalid ones", () => {
    formats.forEach((format, index) => {
      const { valid, invalid } = formatsWithNumbers[index]!;
      for (const number of valid)
        expect(validFor(format, number), `${format.id} ${number}`).toBe(true);
      for (const number of invalid) {
        expect(validFor(format, number), `${format.id} ${number}`).toBe(false);
      }
    });
  });

  it("fails a valid number once its check digit changes", () => {
    formats.forEach((format, index) => {
      if (!format.checksum) return;
      for (const number of formatsWithNumbers[index]!.valid) {
        const digits = bare(number);
        const [at] = new RegExp(format.pattern.source, "d").exec(digits)!.indices!.groups!
          .CheckDigit!;
        const check = digits[at]!;
        for (const other of "0123456789".replace(check, "")) {
          const changed = digits.slice(0, at) + other + digits.slice(at + 1);
          expect(validFor(format, changed), `${format.id} ${changed}`).toBe(false);
        }
      }
    });
  });

  it("reads the parts of a number from the spec's named groups and lookups", () => {
    const ups = formats.find((format) => format.id === "ups")!;
    const match = matchFormat(ups, "1Z879E930346834440")!;
    expect(match.groups).toMatchObject({ ShipperId: "879E93", ServiceType: "03" });
    expect(match.found["Service Type"]).toMatchObject({ matches: "03" });
    const s10 = formats.find((format) => format.id === "s10")!;
    expect(matchFormat(s10, "RB123456785GB")!.found.Courier).toMatchObject({ matches: "GB" });
    // A country no postal service uses: the check digit holds, the required lookup does not.
    expect(matchFormat(s10, "RB123456785XX")).toMatchObject({ valid: false });
  });

  it("weighs a format by how few strings it accepts, an optional part only when present", () => {
    expect(regexBits("\\s*1\\s*Z\\s*").bits).toBeCloseTo(2 * Math.log2(36));
    expect(regexBits("([0-9]\\s*){10}").bits).toBeCloseTo(10 * Math.log2(3.6));
    expect(regexBits("(7\\s*7|0\\s*7\\s*2)").bits).toBeCloseTo(2 * Math.log2(36));
    expect(regexBits("(?<RoutingApplicationId>4\\s*2\\s*0\\s*)?9\\s*4\\s*")).toEqual({
      bits: expect.closeTo(2 * Math.log2(36)),
      optional: [{ group: "RoutingApplicationId", bits: expect.closeTo(3 * Math.log2(36)) }],
    });
  });

  it("refuses a courier file of the wrong shape, naming the field", () => {
    expect(() =>
      loadSpecFormats([{ name: "X", courier_code: "x", tracking_numbers: [{ name: "X" }] }]),
    ).toThrow(ZodError);
  });

  it("maps every spec courier to a carrier we can name and link", () => {
    for (const courier of couriers) {
      expect(CARRIERS[specCarrier(courier.courier_code)], courier.courier_code).toBeDefined();
    }
  });
});

describe("detectCarrier", () => {
  const accuracyOn = (set: "spec" | "docs") => {
    const labelled = LABELLED_NUMBERS.filter((entry) => entry.set === set);
    const right = labelled.filter(
      ({ number, carrier }) => detectCarrier(number).carrier === carrier,
    );
    return { size: labelled.length, accuracy: right.length / labelled.length };
  };

  it("names the right carrier, or none, for the spec's test numbers", () => {
    const { size, accuracy } = accuracyOn("spec");
    expect(size).toBeGreaterThan(250);
    expect(accuracy).toBeGreaterThanOrEqual(0.98);
  });

  it("names the right carrier, or none, for the carriers' documented numbers (held out)", () => {
    const { size, accuracy } = accuracyOn("docs");
    expect(size).toBeGreaterThan(30);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it("is right for every number the spec calls valid once Shopify's tracking company is known", () => {
    for (const { number, carrier, set } of LABELLED_NUMBERS) {
      if (carrier && set === "spec")
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
    expect(detectCarrier("JJD0002257639032011")).toMatchObject({
      carrier: "yodel",
      confidence: 0.6,
    });
    const ambiguous = detectCarrier("287809468872");
    expect(ambiguous.carrier).toBe("purolator");
    expect(ambiguous.confidence).toBeLessThan(0.5);
    expect(detectCarrier("1Z5R89390357567127", { hint: "ups" }).confidence).toBe(0.99);
  });

  it("prefers the format that explains more of the number", () => {
    // Old Dominion's "780" prefix and Luhn digit over DHL Express's bare mod 7.
    expect(detectCarrier("78045768393").carrier).toBe("old_dominion");
    // USPS's "420" + ZIP routing prefix over FedEx's 34-digit format, both check digits right.
    expect(detectCarrier("4201028200009261290113185417468510").carrier).toBe("usps");
  });

  it("rejects a wrong check digit", () => {
    expect(detectCarrier("1Z5R89390357567128")).toMatchObject({ carrier: null, valid: false });
    expect(detectCarrier("0073938000549292").carrier).not.toBe("canada_post");
  });

  it("reads spaces anywhere, lower case, and LaserShip's printed dash", () => {
    expect(detectCarrier(" 1z 5r8 939 0357 5671 27 ").carrier).toBe("ups");
    expect(detectCarrier("1LS7119013618127-1").carrier).toBe("lasership");
    expect(detectCarrier("0307-1790-0005-2348-3741").carrier).toBe("usps");
  });

  it("learns from the shop's history which carrier an ambiguous format is", () => {
    expect(detectCarrier("287809468872", { history: { fedex: 12, purolator: 1 } }).carrier).toBe(
      "fedex",
    );
    expect(detectCarrier("287809468872", { history: {} }).carrier).toBe("purolator");
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

it("maps Shopify's tracking companies to carrier codes", () => {
  expect(carrierFromCompany("UPS")).toBe("ups");
  expect(carrierFromCompany("FedEx")).toBe("fedex");
  expect(carrierFromCompany("DHL eCommerce")).toBe("dhl");
  expect(carrierFromCompany("Amazon Logistics US")).toBe("amazon");
  expect(carrierFromCompany("Canada Post")).toBe("canada_post");
  expect(carrierFromCompany("Canpar")).toBe("canpar");
  expect(carrierFromCompany("Old Dominion Freight Line")).toBe("old_dominion");
  expect(carrierFromCompany("Spee-Dee Delivery")).toBe("speedee");
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
      "1195266473930007521100871079919940",
      "SP029692510000920746",
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
    "fedex",
    "speedee",
    null,
  ]);
  expect(lines[0]).toEqual({
    number: "1Z5R89390357567127",
    carrier: "ups",
    confidence: 0.85,
    valid: true,
  });
  expect(Object.keys(lines[9])).toEqual(["number", "carrier", "confidence", "valid"]);
});
