/**
 * The interpreter of the public tracking-number specification `jkeen/tracking_number_data`
 * (vendored, unchanged, in ./spec with its MIT licence; version in SPEC_SOURCE). Each courier file
 * lists formats: a regex with named groups (SerialNumber, CheckDigit, ServiceType…), a check-digit
 * algorithm with its constants, an optional rewrite of the serial before checking, lookup tables
 * for groups, and which lookups must find a match. This file turns them into matchers; which
 * carrier a number belongs to is decided by detect.ts.
 */
import { z } from "zod";
import amazon from "./spec/couriers/amazon.json";
import canadaPost from "./spec/couriers/canadapost.json";
import canpar from "./spec/couriers/canpar.json";
import dhl from "./spec/couriers/dhl.json";
import dpd from "./spec/couriers/dpd.json";
import fedex from "./spec/couriers/fedex.json";
import gofo from "./spec/couriers/gofo.json";
import landmark from "./spec/couriers/landmark.json";
import lasership from "./spec/couriers/lasership.json";
import oldDominion from "./spec/couriers/old_dominion.json";
import ontrac from "./spec/couriers/ontrac.json";
import purolator from "./spec/couriers/purolator.json";
import s10 from "./spec/couriers/s10.json";
import speedee from "./spec/couriers/speedee.json";
import ups from "./spec/couriers/ups.json";
import usps from "./spec/couriers/usps.json";
import yodel from "./spec/couriers/yodel.json";
import yunexpress from "./spec/couriers/yunexpress.json";

export const SPEC_SOURCE = {
  repository: "https://github.com/jkeen/tracking_number_data",
  version: "2.0.0",
  commit: "b79ce4bfc04519ef4bc85bf7c6f321795aadf3d3",
} as const;

/** The spec's courier files, as they ship. */
export const SPEC_COURIER_FILES: unknown[] = [
  amazon,
  canadaPost,
  canpar,
  dhl,
  dpd,
  fedex,
  gofo,
  landmark,
  lasership,
  oldDominion,
  ontrac,
  purolator,
  s10,
  speedee,
  ups,
  usps,
  yodel,
  yunexpress,
];

const LookupEntrySchema = z.union([
  z.object({ matches: z.string() }).passthrough(),
  z.object({ matches_regex: z.string() }).passthrough(),
]);

const ChecksumSchema = z.discriminatedUnion("name", [
  z.object({
    name: z.literal("mod10"),
    evens_multiplier: z.number().optional(),
    odds_multiplier: z.number().optional(),
    reverse: z.boolean().optional(),
  }),
  z.object({ name: z.literal("mod7") }),
  z.object({ name: z.literal("luhn") }),
  z.object({
    name: z.literal("s10"),
    weightings: z.array(z.number()),
    modulo: z.number(),
  }),
  z.object({
    name: z.literal("sum_product_with_weightings_and_modulo"),
    weightings: z.array(z.number()),
    modulo1: z.number(),
    modulo2: z.number(),
  }),
  z.object({ name: z.literal("mod_37_36"), alphabet: z.string().optional() }),
]);

const FormatSchema = z.object({
  id: z.string().optional(),
  name: z.string(),
  regex: z.union([z.string(), z.array(z.string())]),
  validation: z.object({
    checksum: ChecksumSchema.optional(),
    serial_number_format: z
      .object({ prepend_if: z.object({ matches_regex: z.string(), content: z.string() }) })
      .optional(),
    additional: z.object({ exists: z.array(z.string()) }).optional(),
  }),
  additional: z
    .array(
      z.object({
        name: z.string(),
        regex_group_name: z.string(),
        lookup: z.array(LookupEntrySchema),
      }),
    )
    .optional(),
  tracking_url: z.string().nullable().optional(),
  test_numbers: z.object({ valid: z.array(z.string()), invalid: z.array(z.string()) }),
});

const CourierSchema = z.object({
  name: z.string(),
  courier_code: z.string(),
  tracking_numbers: z.array(FormatSchema),
});

export type SpecCourier = z.infer<typeof CourierSchema>;
export type Checksum = z.infer<typeof ChecksumSchema>;

interface Lookup {
  name: string;
  group: string;
  entries: { test: (value: string) => boolean; entry: Record<string, unknown> }[];
}

export interface SpecFormat {
  /** The spec's id, or the courier code and name where the spec gives none. */
  id: string;
  name: string;
  courierCode: string;
  courierName: string;
  pattern: RegExp;
  checksum: Checksum | null;
  serialPrefix: { when: RegExp; content: string } | null;
  lookups: Lookup[];
  /** Lookups (by name) that must find an entry for the number to be valid. */
  requiredLookups: string[];
  /** How much a match says, in bits: how few strings of its length the format accepts. */
  strength: number;
  /** What the format's optional parts add to a match that has them. */
  optionalStrength: RegexBits["optional"];
  trackingUrl: string | null;
}

export interface SpecMatch {
  format: SpecFormat;
  /** The check digit (where the format has one) is right and every required lookup found. */
  valid: boolean;
  /** The number's named parts, spaces removed. */
  groups: Record<string, string>;
  /** Lookup name → the entry the number's part found. */
  found: Record<string, Record<string, unknown>>;
  /** The format's strength plus what its lookups found. */
  strength: number;
}

const withoutSpaces = (value: string) => value.replace(/\s+/g, "");

// ---- check digits (the algorithms the spec's CHECKSUM_ALGORITHMS.md names) -------------------

/** A digit's value, or for a letter in a mod 10 serial (UPS), its ASCII code minus 3, mod 10. */
function mod10Value(character: string): number {
  return /\d/.test(character) ? Number(character) : (character.charCodeAt(0) - 3) % 10;
}

function mod10(
  serial: string,
  check: string,
  options: Extract<Checksum, { name: "mod10" }>,
): boolean {
  const characters = options.reverse ? [...serial].reverse() : [...serial];
  let total = 0;
  characters.forEach((character, index) => {
    const multiplier = index % 2 === 1 ? options.odds_multiplier : options.evens_multiplier;
    total += mod10Value(character) * (multiplier ?? 1);
  });
  return (10 - (total % 10)) % 10 === Number(check);
}

function mod7(serial: string, check: string): boolean {
  return Number(BigInt(serial) % 7n) === Number(check);
}

/** Luhn over the serial followed by its check digit: doubling every second digit from the right. */
function luhn(serial: string, check: string): boolean {
  const digits = serial + check;
  let total = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    total += digit;
  }
  return total % 10 === 0;
}

/** UPU S10: weighted sum mod 11; a remainder of 1 gives 0 and of 0 gives 5. */
function s10Check(serial: string, check: string, weightings: number[], modulo: number): boolean {
  const total = [...serial].reduce(
    (sum, digit, index) => sum + Number(digit) * (weightings[index] ?? 0),
    0,
  );
  const remainder = total % modulo;
  const expected = remainder === 1 ? 0 : remainder === 0 ? 5 : modulo - remainder;
  return expected === Number(check);
}

function sumProduct(
  serial: string,
  check: string,
  weightings: number[],
  modulo1: number,
  modulo2: number,
): boolean {
  const total = [...serial].reduce(
    (sum, digit, index) => sum + Number(digit) * (weightings[index] ?? 0),
    0,
  );
  return (total % modulo1) % modulo2 === Number(check);
}

/** ISO/IEC 7064 MOD 37,36 (hybrid system), as DPD's parcel label specification uses it. */
function mod3736(serial: string, check: string, alphabet: string): boolean {
  const modulus = 36;
  let product = modulus;
  for (const character of serial) {
    const value = alphabet.indexOf(character);
    if (value < 0) return false;
    let sum = (product + value) % modulus;
    if (sum === 0) sum = modulus;
    product = (sum * 2) % (modulus + 1);
  }
  const expected = (modulus + 1 - product) % modulus;
  return alphabet[expected] === check;
}

export function checksumHolds(checksum: Checksum, serial: string, check: string): boolean {
  if (check === "" || (!/^\d$/.test(check) && checksum.name !== "mod_37_36")) return false;
  switch (checksum.name) {
    case "mod10":
      return mod10(serial, check, checksum);
    case "mod7":
      return /^\d+$/.test(serial) && mod7(serial, check);
    case "luhn":
      return /^\d+$/.test(serial) && luhn(serial, check);
    case "s10":
      return s10Check(serial, check, checksum.weightings, checksum.modulo);
    case "sum_product_with_weightings_and_modulo":
      return sumProduct(serial, check, checksum.weightings, checksum.modulo1, checksum.modulo2);
    case "mod_37_36":
      return mod3736(serial, check, checksum.alphabet ?? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  }
}

/** How many of the possible check characters the algorithm tells apart, as bits. */
function checksumBits(checksum: Checksum | null): number {
  if (!checksum) return 0;
  if (checksum.name === "mod7") return Math.log2(7);
  if (checksum.name === "mod_37_36") return Math.log2(36);
  return Math.log2(10);
}

// ---- the spec's regexes -------------------------------------------------------------------------

/**
 * The spec writes PCRE/Ruby regexes meant to find a number anywhere, spaces allowed between
 * characters. Named groups, lookarounds and `\s*` read the same in JavaScript; the whole input
 * must match, as the reference library anchors them for validation.
 */
export function compileSpecRegex(source: string | string[]): RegExp {
  const joined = Array.isArray(source) ? source.join("") : source;
  return new RegExp(`^(?:${joined})$`);
}

const ALPHANUMERIC = 36;

/** Bits of a regex: what it always demands, and what each optional part adds when present. */
export interface RegexBits {
  bits: number;
  /** Optional parts, each known by the first named group inside it. */
  optional: { group: string; bits: number }[];
}

/**
 * How strongly a format's regex constrains a string, in bits over letters and digits: a literal
 * character is log2(36), a class of n characters log2(36/n), a repeat counts its minimum, an
 * alternative its weakest branch; lookarounds and spaces count nothing, and an optional part
 * counts only in a match that has it (USPS's "420" + ZIP routing prefix). Two formats matching
 * the same number are then compared by how unlikely each is to match by chance.
 */
export function regexBits(source: string): RegexBits {
  let position = 0;
  const optional: RegexBits["optional"] = [];
  const namedInside: (string | null)[] = [];

  const classSize = (body: string): number => {
    let size = 0;
    for (let index = 0; index < body.length; index++) {
      const from = body[index]!;
      if (from === "\\") {
        const escaped = body[index + 1];
        size += escaped === "d" ? 10 : escaped === "s" ? 0 : 1;
        index++;
      } else if (body[index + 1] === "-" && index + 2 < body.length) {
        size += body.charCodeAt(index + 2) - from.charCodeAt(0) + 1;
        index += 2;
      } else size += 1;
    }
    return Math.min(ALPHANUMERIC, Math.max(1, size));
  };

  const quantifier = (): number | null => {
    const rest = source.slice(position);
    const braces = /^\{(\d+)(,\d*)?\}/.exec(rest);
    if (braces) {
      position += braces[0].length;
      return Number(braces[1]);
    }
    const symbol = rest[0];
    if (symbol === "*" || symbol === "?") {
      position++;
      return 0;
    }
    if (symbol === "+") {
      position++;
      return 1;
    }
    return null;
  };

  const sequence = (): number => {
    const branches: number[] = [];
    let bits = 0;
    while (position < source.length && source[position] !== ")") {
      const character = source[position]!;
      let atom: number;
      let group: string | null = null;
      if (character === "|") {
        branches.push(bits);
        bits = 0;
        position++;
        continue;
      } else if (character === "(") {
        position++;
        let lookaround = false;
        namedInside.push(null);
        if (source[position] === "?") {
          const named = /^\?<([A-Za-z]\w*)>/.exec(source.slice(position));
          if (named) {
            position += named[0].length;
            namedInside[namedInside.length - 1] = named[1]!;
          } else {
            lookaround = /^\?<?[=!]/.test(source.slice(position));
            position += source[position + 1] === "<" ? 3 : 2;
          }
        }
        const inner = sequence();
        position++; // the group's ")"
        group = namedInside.pop() ?? null;
        if (group && namedInside.length > 0 && namedInside[namedInside.length - 1] === null) {
          namedInside[namedInside.length - 1] = group;
        }
        atom = lookaround ? 0 : inner;
      } else if (character === "[") {
        const end = source.indexOf("]", position + 1);
        const body = source.slice(position + 1, end);
        position = end + 1;
        atom = body.startsWith("^") ? 0 : Math.log2(ALPHANUMERIC / classSize(body));
      } else if (character === "\\") {
        const escaped = source[position + 1];
        position += 2;
        atom = escaped === "d" ? Math.log2(ALPHANUMERIC / 10) : 0;
      } else {
        position++;
        atom = /[A-Za-z0-9-]/.test(character) ? Math.log2(ALPHANUMERIC) : 0;
      }
      const times = quantifier();
      if (times === 0 && group && atom > 0) optional.push({ group, bits: atom });
      bits += atom * (times ?? 1);
    }
    branches.push(bits);
    return Math.min(...branches);
  };

  return { bits: sequence(), optional };
}

/** A lookup entry found: how much rarer than chance that is, over the part's own alphabet. */
function lookupBits(value: string, lookup: Lookup): number {
  const alphabet = /^\d+$/.test(value) ? 10 : /^[A-Z]+$/.test(value) ? 26 : ALPHANUMERIC;
  const possible = alphabet ** value.length;
  return Math.max(0, Math.log2(possible / Math.max(1, lookup.entries.length)));
}

// ---- formats --------------------------------------------------------------------------------

function toLookup(additional: NonNullable<z.infer<typeof FormatSchema>["additional"]>[number]) {
  return {
    name: additional.name,
    group: additional.regex_group_name,
    entries: additional.lookup.map((entry) => {
      if ("matches" in entry) {
        const expected = entry.matches;
        return { test: (value: string) => value === expected, entry };
      }
      const pattern = new RegExp(entry.matches_regex);
      return { test: (value: string) => pattern.test(value), entry };
    }),
  };
}

export function loadSpecFormats(files: unknown[] = SPEC_COURIER_FILES): SpecFormat[] {
  return files.flatMap((file) => {
    const courier = CourierSchema.parse(file);
    return courier.tracking_numbers.map((format): SpecFormat => {
      const source = Array.isArray(format.regex) ? format.regex.join("") : format.regex;
      const prepend = format.validation.serial_number_format?.prepend_if;
      const checksum = format.validation.checksum ?? null;
      const bits = regexBits(source);
      return {
        id: format.id ?? `${courier.courier_code}:${format.name}`,
        name: format.name,
        courierCode: courier.courier_code,
        courierName: courier.name,
        pattern: compileSpecRegex(source),
        checksum,
        serialPrefix: prepend
          ? { when: new RegExp(prepend.matches_regex), content: prepend.content }
          : null,
        lookups: (format.additional ?? []).map(toLookup),
        requiredLookups: format.validation.additional?.exists ?? [],
        strength: bits.bits + checksumBits(checksum),
        optionalStrength: bits.optional,
        trackingUrl: format.tracking_url ?? null,
      };
    });
  });
}

/** The format's reading of an upper-case number without spaces, or null when it does not match. */
export function matchFormat(format: SpecFormat, number: string): SpecMatch | null {
  const match = format.pattern.exec(number);
  if (!match) return null;
  const groups: Record<string, string> = {};
  for (const [name, value] of Object.entries(match.groups ?? {})) {
    if (value !== undefined) groups[name] = withoutSpaces(value);
  }

  let valid = true;
  if (format.checksum) {
    let serial = groups.SerialNumber ?? "";
    if (format.serialPrefix && format.serialPrefix.when.test(serial)) {
      serial = format.serialPrefix.content + serial;
    }
    valid = checksumHolds(format.checksum, serial, groups.CheckDigit ?? "");
  }

  const found: Record<string, Record<string, unknown>> = {};
  let strength = format.strength;
  for (const part of format.optionalStrength) {
    if (groups[part.group] !== undefined) strength += part.bits;
  }
  for (const lookup of format.lookups) {
    const value = groups[lookup.group];
    if (value === undefined) continue;
    const hit = lookup.entries.find(({ test }) => test(value));
    if (!hit) continue;
    found[lookup.name] = hit.entry;
    strength += lookupBits(value, lookup);
  }
  if (format.requiredLookups.some((name) => !found[name])) valid = false;

  return { format, valid, groups, found, strength };
}
