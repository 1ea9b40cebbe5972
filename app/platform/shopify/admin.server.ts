import { createAdminGateway } from "./admin-gateway.server";

/** The app's Admin gateway, authenticated with each shop's offline session. */
export const adminGateway = createAdminGateway({
  accessToken: async (shop) => {
    // Upward on purpose, and only when a request is made: the Shopify app object (which loads,
    // and refreshes, offline sessions) installs shops through this gateway, so a static import
    // would make the two modules wait on each other while loading.
    const { unauthenticated } = await import("../../shopify.server");
    return (await unauthenticated.admin(shop)).session.accessToken ?? "";
  },
});
