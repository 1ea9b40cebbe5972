import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandin, type Standin } from "../../../scripts/standin/server";
import { TEST_API_KEY, TEST_API_SECRET, uniqueShop } from "../../../tests/support/constants";
import { ShopDetailsQuery } from "../../shops/operations";
import { AdminApiError, createAdminGateway } from "./admin-gateway.server";
import { adminOperation } from "./admin-operation";

let standin: Standin;
const shop = uniqueShop("gateway");
let token: string;

beforeAll(async () => {
  standin = await startStandin({
    apiKey: TEST_API_KEY,
    apiSecret: TEST_API_SECRET,
    defaultShop: shop,
  });
  process.env.SHOPIFY_SHOP_ORIGIN = standin.shopOriginTemplate;
  token = standin.state.issueTokens(standin.state.shop(shop)).accessToken;
});

afterAll(() => standin.close());

/** A gateway whose waits pass instantly, but pass for the stand-in's cost bucket too. */
function gateway(sleeps: number[] = []) {
  return createAdminGateway({
    accessToken: async () => token,
    sleep: async (ms) => {
      sleeps.push(ms);
      standin.state.shop(shop).bucket.updatedAt -= ms;
    },
  });
}

describe("the Admin gateway", () => {
  it("returns the typed data of an operation", async () => {
    const data = await gateway().request(shop, ShopDetailsQuery, {});
    expect(data.shop.currencyCode).toBe("USD");
    expect(data.shopLocales.find((locale) => locale.primary)?.locale).toBe("en");
    expect(standin.state.shop(shop).calls.at(-1)?.operationName).toBe("ShopDetails");
  });

  it("waits for the cost bucket to refill by Shopify's restore rate when throttled", async () => {
    const bucket = standin.state.shop(shop).bucket;
    Object.assign(bucket, { currentlyAvailable: 0, restoreRate: 10, updatedAt: Date.now() });
    const sleeps: number[] = [];
    const data = await gateway(sleeps).request(shop, ShopDetailsQuery, {});
    expect(data.shop.name).toBeTruthy();
    // The stand-in charges a point per selected field, 12 for ShopDetails: 1.2 s at 10 points a second.
    expect(sleeps).toEqual([1200]);
  });

  it("names the operation when the API reports errors", async () => {
    const Unknown = adminOperation<unknown>(`query DoesNotExist { shop { id } }`);
    const error = await gateway()
      .request(shop, Unknown, {})
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AdminApiError);
    expect((error as AdminApiError).message).toMatch(/^DoesNotExist on .*: .*no handler/);
  });

  it("fails with the operation name on a rejected access token, without retrying", async () => {
    const sleeps: number[] = [];
    const rejected = createAdminGateway({
      accessToken: async () => "shpat_wrong",
      sleep: async (ms) => void sleeps.push(ms),
    });
    const error = await rejected
      .request(shop, ShopDetailsQuery, {})
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AdminApiError);
    expect((error as AdminApiError).details.status).toBe(401);
    expect((error as AdminApiError).message).toMatch(/^ShopDetails/);
    expect(sleeps).toEqual([]);
  });
});
