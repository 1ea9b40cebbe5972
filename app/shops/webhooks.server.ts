import { z } from "zod";
import { sessionStorage } from "../shopify.server";
import { webhookHandler } from "../webhooks/types";
import { markUninstalled } from "./shops.server";

export const appUninstalled = webhookHandler(
  "shops.uninstalled",
  z.object({}).loose(),
  async ({ shop, triggeredAt }) => {
    await markUninstalled(shop, triggeredAt ?? new Date(), async () => {
      const sessions = await sessionStorage.findSessionsByShop(shop);
      await sessionStorage.deleteSessions(sessions.map((session) => session.id));
    });
  },
);

export const scopesUpdated = webhookHandler(
  "shops.scopes-updated",
  z.object({ current: z.array(z.string()) }),
  async ({ shop, payload }) => {
    for (const session of await sessionStorage.findSessionsByShop(shop)) {
      session.scope = payload.current.join(",");
      await sessionStorage.storeSession(session);
    }
  },
);
