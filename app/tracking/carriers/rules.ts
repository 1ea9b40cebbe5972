/**
 * Formats `ts-tracking-number` (last released 2024) does not know. Each rule names where its
 * format is published; each is checked against real-format numbers in carriers.test.ts.
 */
export interface CarrierRule {
  carrier: string;
  name: string;
  /** Against the normalized number (upper-case, no spaces or dashes). */
  pattern: RegExp;
  /** A check-digit test; a rule without one matches on the pattern alone and scores lower. */
  checksum?: (number: string) => boolean;
  source: string;
}

/** Luhn (mod 10, doubling every second digit from the right), over all digits. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Mod 10 with weights 3 and 1 from the right of the serial; the last digit is the check digit. */
export function mod10Weighted31(digits: string): boolean {
  const serial = digits.slice(0, -1);
  let sum = 0;
  for (let index = 0; index < serial.length; index++) {
    const digit = Number(serial[serial.length - 1 - index]);
    sum += index % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10 === Number(digits.at(-1));
}

export const OWN_RULES: CarrierRule[] = [
  {
    carrier: "lasership",
    name: "LaserShip LX",
    pattern: /^LX1[3-8]\d{6}$/,
    source:
      "LaserShip (now OnTrac) label format LX + 8 digits, as catalogued in jkeen/tracking_number_data couriers/lasership.json",
  },
  {
    carrier: "lasership",
    name: "LaserShip 1LS7",
    pattern: /^1LS7[12]\d{10}(\d{3})?(-1)?$/,
    source:
      "LaserShip 1LS7 barcodes (15 and 18 characters), jkeen/tracking_number_data couriers/lasership.json",
  },
  {
    carrier: "canada_post",
    name: "Canada Post (16)",
    pattern: /^\d{16}$/,
    checksum: mod10Weighted31,
    source:
      "Canada Post 16-digit parcel PIN with a mod-10 (3,1) check digit, jkeen/tracking_number_data couriers/canadapost.json",
  },
  {
    carrier: "purolator",
    name: "Purolator (12)",
    pattern: /^[0-5]\d{11}$/,
    checksum: luhn,
    source:
      "Purolator 12-digit PIN with a Luhn check digit, jkeen/tracking_number_data couriers/purolator.json",
  },
  {
    carrier: "purolator",
    name: "Purolator (alpha)",
    pattern: /^[A-Z]{3}\d{9}$/,
    source:
      "Purolator three letters + nine digits, jkeen/tracking_number_data couriers/purolator.json",
  },
  {
    carrier: "yodel",
    name: "Yodel",
    pattern: /^JJ?D\d{16}$/,
    source:
      "Yodel UK domestic JD/JJD + 16 digits (yodel.co.uk tracking), jkeen/tracking_number_data couriers/yodel.json",
  },
  {
    carrier: "yunexpress",
    name: "YunExpress",
    pattern: /^YT\d{16}$/,
    source:
      "YunExpress YT + 16 digits (yuntrack.com), jkeen/tracking_number_data couriers/yunexpress.json",
  },
  {
    carrier: "dpd",
    name: "DPD (28)",
    pattern: /^\d{27}[0-9A-Z]$/,
    source:
      "DPD 28-character parcel label (zip, parcel, service, country, check character), jkeen/tracking_number_data couriers/dpd.json",
  },
];
