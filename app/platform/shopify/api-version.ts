/**
 * The Admin API version, pinned once for the code: the library, the Admin gateway and the
 * webhook payloads all use it. shopify.app.toml's `[webhooks] api_version` must name the same
 * version (tests/platform/api-version.test.ts fails otherwise).
 */
export const API_VERSION = "2026-10";
