import { unauthenticated } from "../../shopify.server";
import { createAdminGateway } from "./admin-gateway.server";

/** The app's Admin gateway, authenticated with each shop's offline session. */
export const adminGateway = createAdminGateway({
  accessToken: async (shop) => (await unauthenticated.admin(shop)).session.accessToken ?? "",
});
