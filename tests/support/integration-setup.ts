import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startStandin } from "../../scripts/standin/server";
import { startAppServer } from "./app-server";
import { ensureBuild } from "../../scripts/lib/build";
import {
  TEST_API_KEY,
  TEST_API_SECRET,
  TEST_INBOUND_MAIL_DOMAIN,
  TEST_MAILGUN_SIGNING_KEY,
} from "./constants";
import { createTestDatabase } from "./database";

/**
 * Integration tests talk to the real thing over HTTP: the production build running as its own
 * process on a fresh database, with the Shopify stand-in playing Shopify.
 */
export default async function setup(project: TestProject) {
  ensureBuild();
  const database = await createTestDatabase("integration");
  const standin = await startStandin({
    apiKey: TEST_API_KEY,
    apiSecret: TEST_API_SECRET,
    defaultShop: "default-shop.myshopify.com",
    mailgunSigningKey: TEST_MAILGUN_SIGNING_KEY,
  });
  // One key for the app and the test process: tests that call app modules open what the app sealed.
  const secretsKey = randomBytes(32).toString("base64");
  const storageDir = mkdtempSync(path.join(os.tmpdir(), "aftercare-storage-"));
  const app = await startAppServer({
    databaseUrl: database.url,
    shopOrigin: standin.shopOriginTemplate,
    appBridgeUrl: standin.appBridgeUrl,
    logName: `app-server-${database.provider}`,
    env: {
      EASYPOST_API_URL: standin.easypostApiUrl,
      TWILIO_API_URL: standin.twilioApiUrl,
      KLAVIYO_API_URL: standin.klaviyoApiUrl,
      DESTINATIONS_ALLOW_PRIVATE_HOSTS: "true",
      SECRETS_KEY: secretsKey,
      SMTP_URL: standin.mailbox.smtpUrl,
      STORAGE_DIR: storageDir,
      INBOUND_MAIL_DOMAIN: TEST_INBOUND_MAIL_DOMAIN,
      MAILGUN_SIGNING_KEY: TEST_MAILGUN_SIGNING_KEY,
    },
  });
  standin.appUrl = app.url;

  project.provide("databaseUrl", database.url);
  project.provide("appUrl", app.url);
  project.provide("standinUrl", standin.url);
  project.provide("shopOriginTemplate", standin.shopOriginTemplate);
  project.provide("appBridgeUrl", standin.appBridgeUrl);
  project.provide("secretsKey", secretsKey);

  return async () => {
    await app.stop();
    await standin.close();
    await database.drop();
    rmSync(storageDir, { recursive: true, force: true });
  };
}
