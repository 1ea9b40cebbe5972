import { SPEC_COURIER_FILES, type SpecCourier } from "./spec";

/**
 * Labelled tracking numbers from outside the project, in two sets:
 *
 * - `spec`: every `test_numbers` entry of the vendored tracking_number_data courier files. A valid
 *   number is its courier's; an invalid one is nobody's (expected `null`), except the few the spec
 *   lists as valid for another of its formats (Purolator's "331426749957" is an invalid alpha PIN
 *   and a valid numeric one). The detection rules were read alongside these.
 * - `docs`: numbers the carriers print in their own developer documentation, each with where it
 *   came from. Nothing in detection was decided by looking at them: the held-out set.
 */
export interface LabelledNumber {
  number: string;
  /** The carrier code we should answer, or null for a number no carrier issues. */
  carrier: string | null;
  set: "spec" | "docs";
  source: string;
}

const SPEC_FILE = (courier: SpecCourier) =>
  `jkeen/tracking_number_data couriers/${courier.courier_code}.json test_numbers`;

function specNumbers(): LabelledNumber[] {
  const couriers = SPEC_COURIER_FILES as SpecCourier[];
  const validFor = new Map<string, string>();
  for (const courier of couriers) {
    for (const format of courier.tracking_numbers) {
      for (const number of format.test_numbers.valid) validFor.set(number, courier.courier_code);
    }
  }
  const seen = new Set<string>();
  const labelled: LabelledNumber[] = [];
  for (const courier of couriers) {
    for (const format of courier.tracking_numbers) {
      const entries = [
        ...format.test_numbers.valid.map((number) => ({ number, carrier: courier.courier_code })),
        ...format.test_numbers.invalid.map((number) => ({
          number,
          carrier: validFor.get(number) ?? null,
        })),
      ];
      for (const { number, carrier } of entries) {
        if (seen.has(number)) continue;
        seen.add(number);
        labelled.push({ number, carrier, set: "spec", source: SPEC_FILE(courier) });
      }
    }
  }
  return labelled;
}

const UPS_GUIDE =
  "UPS Tracking Web Service Developer Guide, appendix of test tracking numbers (as listed in stackoverflow.com/questions/15145865)";
const UPS_GUIDE_WRONG_CHECK = `${UPS_GUIDE}; its check digit does not hold: UPS's test server answers for it, no parcel carries it`;
const FEDEX_MOCKS =
  "FedEx Developer Portal, Track API mock tracking numbers (table reproduced in stackoverflow.com/questions/11049025)";

const DOCS_NUMBERS: LabelledNumber[] = (
  [
    ["1Z12345E6605272234", "ups", UPS_GUIDE],
    ["1Z648616E192760718", "ups", UPS_GUIDE],
    ["1ZWX0692YP40636269", "ups", UPS_GUIDE],
    ["1Z12345E0205271688", null, UPS_GUIDE_WRONG_CHECK],
    ["1Z12345E0305271640", null, UPS_GUIDE_WRONG_CHECK],
    ["1Z12345E1305277940", null, UPS_GUIDE_WRONG_CHECK],
    ["1Z12345E6205277936", null, UPS_GUIDE_WRONG_CHECK],
    ["1Z12345E1505270452", null, UPS_GUIDE_WRONG_CHECK],
    ["1Z12345E020527079", null, `${UPS_GUIDE}, its "invalid tracking number" case`],
    ["449044304137821", "fedex", FEDEX_MOCKS],
    ["149331877648230", "fedex", FEDEX_MOCKS],
    ["020207021381215", "fedex", FEDEX_MOCKS],
    ["403934084723025", "fedex", FEDEX_MOCKS],
    ["920241085725456", "fedex", FEDEX_MOCKS],
    ["568838414941", "fedex", FEDEX_MOCKS],
    ["039813852990618", "fedex", FEDEX_MOCKS],
    ["231300687629630", "fedex", FEDEX_MOCKS],
    ["797806677146", "fedex", FEDEX_MOCKS],
    ["377101283611590", "fedex", FEDEX_MOCKS],
    ["852426136339213", "fedex", FEDEX_MOCKS],
    ["797615467620", "fedex", FEDEX_MOCKS],
    ["957794015041323", "fedex", FEDEX_MOCKS],
    ["076288115212522", "fedex", FEDEX_MOCKS],
    ["581190049992", "fedex", FEDEX_MOCKS],
    ["122816215025810", "fedex", FEDEX_MOCKS],
    ["843119172384577", "fedex", FEDEX_MOCKS],
    ["070358180009382", "fedex", FEDEX_MOCKS],
    [
      "012345678983",
      "fedex",
      "FedEx Express check-digit worked example (FedEx's description quoted in answers.google.com/answers/threadview/id/207899)",
    ],
    [
      "TST000006569",
      "purolator",
      "Purolator shipping web services documentation, ShipmentVerification sample request (ols3doc.purolatorshipping.com)",
    ],
    [
      "TST000006577",
      "purolator",
      "Purolator shipping web services documentation, ShipmentVerification sample request (ols3doc.purolatorshipping.com)",
    ],
    [
      "TST000006585",
      "purolator",
      "Purolator shipping web services documentation, ShipmentVerification sample request (ols3doc.purolatorshipping.com)",
    ],
    [
      "333343150996",
      "purolator",
      "Purolator tracking API sample response, as documented at docs.digitalgenius.com/docs/purolator-track-trace",
    ],
    [
      "00340434292135100186",
      "dhl",
      "DHL Shipment Tracking – Unified API example (developer.dhl.com); a DHL Parcel SSCC the spec has no format for",
    ],
  ] as const
).map(([number, carrier, source]) => ({ number, carrier, set: "docs", source }));

export const LABELLED_NUMBERS: LabelledNumber[] = [...specNumbers(), ...DOCS_NUMBERS];
