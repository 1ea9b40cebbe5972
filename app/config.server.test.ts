import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.server";

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

const valid = env({
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://aftercare.example.com/",
});

describe("configuration", () => {
  it("names every missing or malformed variable at once", () => {
    const broken = env({ SHOPIFY_APP_URL: "not a url", JOBS_POLL_INTERVAL_MS: "0" });
    expect(() => loadConfig(broken)).toThrow(ConfigError);
    const message = (() => {
      try {
        loadConfig(broken);
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/SHOPIFY_API_KEY/);
    expect(message).toMatch(/SHOPIFY_API_SECRET/);
    expect(message).toMatch(/SHOPIFY_APP_URL/);
    expect(message).toMatch(/JOBS_POLL_INTERVAL_MS/);
  });

  it("defaults to the embedded SQLite database and in-process workers", () => {
    const config = loadConfig(valid);
    expect(config.databaseProvider).toBe("sqlite");
    expect(config.databaseUrl).toBe("file:./prisma/dev.sqlite");
    expect(config.WORKERS_IN_WEB_PROCESS).toBe(true);
    expect(config.appUrl).toBe("https://aftercare.example.com");
  });

  it("switches to PostgreSQL by DATABASE_URL and rejects unknown databases", () => {
    expect(
      loadConfig(env({ ...valid, DATABASE_URL: "postgres://u@db:5432/app" })).databaseProvider,
    ).toBe("postgresql");
    expect(() => loadConfig(env({ ...valid, DATABASE_URL: "mysql://u@db/app" }))).toThrow(
      /DATABASE_URL/,
    );
  });

  it("only accepts a shop-origin template that names the shop", () => {
    expect(() =>
      loadConfig(env({ ...valid, SHOPIFY_SHOP_ORIGIN: "http://127.0.0.1:4010" })),
    ).toThrow(/SHOPIFY_SHOP_ORIGIN/);
    expect(
      loadConfig(env({ ...valid, SHOPIFY_SHOP_ORIGIN: "http://127.0.0.1:4010/store/{shop}" }))
        .SHOPIFY_SHOP_ORIGIN,
    ).toContain("{shop}");
  });

  it("refuses a shop lookup budget that one address could spend alone", () => {
    expect(() =>
      loadConfig(
        env({ ...valid, TRACKING_LOOKUPS_PER_IP: "100", TRACKING_LOOKUPS_PER_SHOP: "500" }),
      ),
    ).toThrow(/TRACKING_LOOKUPS_PER_SHOP/);
    expect(loadConfig(valid).TRUSTED_PROXY_COUNT).toBe(0);
    expect(() => loadConfig(env({ ...valid, REDIS_URL: "http://cache:6379" }))).toThrow(
      /REDIS_URL/,
    );
  });
});
