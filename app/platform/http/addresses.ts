import { isIP } from "node:net";

/**
 * Which IP addresses a merchant's endpoint may not reach from our servers: this machine, the
 * private network it sits in and the cloud metadata service (169.254.169.254). Pure: no DNS.
 */
export type AddressKind =
  | "public"
  | "unspecified"
  | "loopback"
  | "private"
  | "shared"
  | "link-local"
  | "unique-local"
  | "multicast"
  | "reserved"
  | "invalid";

/** [first address as a number, prefix length, kind] for IPv4 (RFC 6890 and RFC 3927). */
const IPV4_BLOCKS: [string, number, AddressKind][] = [
  ["0.0.0.0", 8, "unspecified"], // "this network" (RFC 6890 2.2.2; 0.0.0.0 reaches this host)
  ["10.0.0.0", 8, "private"], // RFC 1918
  ["100.64.0.0", 10, "shared"], // carrier-grade NAT (RFC 6598)
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local"], // RFC 3927; cloud metadata lives at 169.254.169.254
  ["172.16.0.0", 12, "private"], // RFC 1918
  ["192.0.0.0", 24, "reserved"], // IETF protocol assignments
  ["192.168.0.0", 16, "private"], // RFC 1918
  ["198.18.0.0", 15, "reserved"], // benchmarking
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved"], // includes 255.255.255.255 (broadcast)
];

function ipv4Number(address: string) {
  return address.split(".").reduce((value, part) => value * 256 + Number(part), 0);
}

function classifyIpv4(address: string): AddressKind {
  const value = ipv4Number(address);
  for (const [first, prefix, kind] of IPV4_BLOCKS) {
    const size = 2 ** (32 - prefix);
    const start = ipv4Number(first);
    if (value >= start && value < start + size) return kind;
  }
  return "public";
}

/** The 8 groups of an IPv6 address as numbers; an embedded dotted IPv4 tail becomes 2 groups. */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, "");
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const value = ipv4Number(dotted[1]!);
    text = `${text.slice(0, -dotted[1]!.length)}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const part = (value: string | undefined) => (value ? value.split(":") : []);
  const left = part(head);
  const right = part(tail);
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...fill, ...right].map((group) => parseInt(group, 16));
}

function classifyIpv6(address: string): AddressKind {
  const groups = ipv6Groups(address);
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups as [number, ...number[]];
  const upperZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (upperZero && g5 === 0 && g6 === 0 && g7 === 0) return "unspecified"; // ::
  if (upperZero && g5 === 0 && g6 === 0 && g7 === 1) return "loopback"; // ::1
  // IPv4-mapped (::ffff:a.b.c.d, RFC 4291) reaches the IPv4 address it carries.
  if (upperZero && g5 === 0xffff) {
    return classifyIpv4(`${g6! >> 8}.${g6! & 0xff}.${g7! >> 8}.${g7! & 0xff}`);
  }
  if ((g0 & 0xfe00) === 0xfc00) return "unique-local"; // fc00::/7 (RFC 4193)
  if ((g0 & 0xffc0) === 0xfe80) return "link-local"; // fe80::/10
  if ((g0 & 0xff00) === 0xff00) return "multicast";
  return "public";
}

export function classifyAddress(address: string): AddressKind {
  const version = isIP(address.replace(/%.*$/, ""));
  if (version === 4) return classifyIpv4(address);
  if (version === 6) return classifyIpv6(address);
  return "invalid";
}

export const isPublicAddress = (address: string) => classifyAddress(address) === "public";
