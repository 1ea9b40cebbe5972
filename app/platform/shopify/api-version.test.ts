import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ApiVersion } from "@shopify/shopify-api";
import { API_VERSION, readApiVersion } from "./api-version";

describe("the pinned Admin API version", () => {
  it("comes from shopify.app.toml and is one the Shopify library knows", () => {
    const toml = readFileSync(
      path.resolve(import.meta.dirname, "../../../shopify.app.toml"),
      "utf8",
    );
    expect(API_VERSION).toBe(readApiVersion(toml));
    expect(Object.values(ApiVersion)).toContain(API_VERSION);
  });

  it("refuses a toml without a pinned version", () => {
    expect(() => readApiVersion('[webhooks]\napi_version = "latest"\n')).toThrow(/must pin/);
    expect(() => readApiVersion("name = 'x'\n")).toThrow(/must pin/);
  });
});
