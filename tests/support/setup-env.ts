import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { TEST_API_KEY, TEST_API_SECRET } from "./constants";

// Runs in every test process before the test file's imports: the app's modules read these.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.SHOPIFY_API_KEY = TEST_API_KEY;
process.env.SHOPIFY_API_SECRET = TEST_API_SECRET;
process.env.SHOPIFY_APP_URL = inject("appUrl") ?? "http://127.0.0.1:9";
process.env.LOG_LEVEL ??= "silent";
// The test process calls app modules that reach EasyPost, as the app does: the stand-in plays it.
const standin = inject("standinUrl");
if (standin) process.env.EASYPOST_API_URL = `${standin}/easypost/v2/`;
const secretsKey = inject("secretsKey");
if (secretsKey) process.env.SECRETS_KEY = secretsKey;
const shopOrigin = inject("shopOriginTemplate");
if (shopOrigin) process.env.SHOPIFY_SHOP_ORIGIN = shopOrigin;
process.env.STORAGE_DIR ??= path.join(os.tmpdir(), `aftercare-test-storage-${process.pid}`);
