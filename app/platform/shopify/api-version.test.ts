import { readFileSync } from "node:fs";
import path from "node:path";
import { ApiVersion } from "@shopify/shopify-api";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { API_VERSION } from "./api-version";

describe("the pinned Admin API version", () => {
  it("is the version shopify.app.toml subscribes webhooks with", () => {
    const toml = parse(
      readFileSync(path.resolve(import.meta.dirname, "../../../shopify.app.toml"), "utf8"),
    ) as {
      webhooks: { api_version: string };
    };
    expect(toml.webhooks.api_version).toBe(API_VERSION);
  });

  it("is one the Shopify library knows", () => {
    expect(Object.values(ApiVersion)).toContain(API_VERSION);
  });
});
