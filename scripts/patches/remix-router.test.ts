/**
 * The patch to the server's copy of `@remix-run/router` (`@remix-run+router+*.patch`): route
 * branches ranked once per routes array and compiled patterns kept. The browser's copy (the ESM
 * build, bundled by Vite) is left as published, so it is the reference the patched one must agree
 * with.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type * as RouterModule from "@remix-run/router";

type Router = typeof RouterModule;
type Route = RouterModule.AgnosticRouteObject;

const require = createRequire(import.meta.url);
const patched = require("@remix-run/router") as Router;
// The whole ESM bundle; its declaration file covers only part of it.
const published = (await import("@remix-run/router/dist/router.js")) as unknown as Router;

/** The shapes the app's routes take: layouts, index routes, params, optional segments, a splat. */
function appLikeRoutes(): Route[] {
  return [
    {
      id: "root",
      path: "/",
      children: [
        { id: "home", index: true },
        {
          id: "app",
          path: "app",
          children: [
            { id: "app-index", index: true },
            { id: "customers", path: "customers" },
            { id: "customer", path: "customers/:id" },
            { id: "shipment", path: "shipments/:id" },
            { id: "returns-tab", path: "returns/:tab?" },
            { id: "settings", path: "settings/*" },
          ],
        },
        { id: "proxy-track", path: "proxy/track" },
        { id: "tracking-api", path: "api/tracking/orders/:orderId" },
        { id: "loyalty-api", path: "api/loyalty" },
        { id: "webhooks", path: "webhooks" },
        { id: "catch-all", path: "*" },
      ],
    },
  ];
}

const paths = [
  "/",
  "/app",
  "/app/customers",
  "/app/customers/gid%3A%2F%2Fshopify%2FCustomer%2F7",
  "/app/shipments/42",
  "/app/returns",
  "/app/returns/open",
  "/app/settings/notifications/email",
  "/proxy/track",
  "/proxy/track/",
  "/api/tracking/orders/1001",
  "/api/loyalty",
  "/API/LOYALTY",
  "/webhooks",
  "/nowhere/at/all",
];

const summary = (matches: ReturnType<Router["matchRoutes"]>) =>
  matches?.map(({ route, params, pathname, pathnameBase }) => ({
    id: route.id,
    params,
    pathname,
    pathnameBase,
  })) ?? null;

describe("the server's patched router", () => {
  it("matches every path as the published router does, the first time and every time after", () => {
    const routes = appLikeRoutes();
    const reference = appLikeRoutes();
    for (let round = 0; round < 3; round++) {
      for (const path of paths) {
        expect(summary(patched.matchRoutes(routes, path)), path).toEqual(
          summary(published.matchRoutes(reference, path)),
        );
      }
    }
  });

  it("matches a pattern as the published router does, whatever pattern came before", () => {
    const cases: [RouterModule.PathPattern, string][] = [
      [{ path: "/orders/:id", end: true }, "/orders/7"],
      [{ path: "/orders/:id", end: false }, "/orders/7/items"],
      [{ path: "/orders/:id", caseSensitive: true, end: true }, "/Orders/7"],
      [{ path: "/orders/:id", caseSensitive: false, end: true }, "/Orders/7"],
      [{ path: "/files/*", end: true }, "/files/a/b.txt"],
    ];
    for (const [pattern, pathname] of [...cases, ...cases]) {
      expect(patched.matchPath(pattern, pathname), `${pattern.path} ${pathname}`).toEqual(
        published.matchPath(pattern, pathname),
      );
    }
  });

  it("ranks a routes array once: a route added to it afterwards is not seen (the patch is applied)", () => {
    const routes = appLikeRoutes();
    expect(patched.matchRoutes(routes, "/late")?.at(-1)?.route.id).toBe("catch-all");
    routes[0]!.children!.push({ id: "late", path: "late" });
    expect(patched.matchRoutes(routes, "/late")?.at(-1)?.route.id).toBe("catch-all");
    expect(published.matchRoutes(routes, "/late")?.at(-1)?.route.id).toBe("late");
  });
});
