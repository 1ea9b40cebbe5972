import { describe, expect, it } from "vitest";
import { classifyAddress, isPublicAddress } from "./addresses";

/**
 * Cases from the special-purpose address registries: RFC 6890 (IPv4 and IPv6 special-purpose
 * blocks, including RFC 1918 private space and 127/8), RFC 3927 (169.254/16 link-local, where
 * cloud metadata answers) and RFC 4193 (fc00::/7 unique-local IPv6), with both edges of a block.
 */
describe("address classification for merchants' endpoints", () => {
  it.each([
    ["0.0.0.0", "unspecified"],
    ["0.255.255.255", "unspecified"],
    ["10.0.0.0", "private"],
    ["10.255.255.255", "private"],
    ["100.64.0.1", "shared"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["169.254.0.0", "link-local"],
    ["169.254.169.254", "link-local"],
    ["169.254.255.255", "link-local"],
    ["172.16.0.0", "private"],
    ["172.31.255.255", "private"],
    ["192.168.0.1", "private"],
    ["192.168.255.255", "private"],
    ["192.0.0.8", "reserved"],
    ["198.18.0.1", "reserved"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "reserved"],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["fc00::", "unique-local"],
    ["fd12:3456:789a:1::1", "unique-local"],
    ["fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "unique-local"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["febf::1", "link-local"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:169.254.169.254", "link-local"],
    ["::ffff:10.1.2.3", "private"],
  ])("%s is %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    "9.255.255.255",
    "11.0.0.0",
    "100.63.255.255",
    "100.128.0.0",
    "126.255.255.255",
    "128.0.0.0",
    "169.253.255.255",
    "169.255.0.0",
    "172.15.255.255",
    "172.32.0.0",
    "192.167.255.255",
    "192.169.0.0",
    "8.8.8.8",
    "2001:4860:4860::8888",
    "2606:4700:4700::1111",
    "fbff::1",
    "fec0::1",
    "::ffff:8.8.8.8",
  ])("%s is public", (address) => {
    expect(classifyAddress(address)).toBe("public");
  });

  it("refuses what is not an address", () => {
    expect(classifyAddress("localhost")).toBe("invalid");
    expect(isPublicAddress("256.1.1.1")).toBe(false);
  });
});
