import { config } from "../config.server";

/**
 * Klaviyo's server-side API as we use it (https://developers.klaviyo.com/en/reference/create_event,
 * /reference/bulk_import_profiles' single-profile sibling `POST /api/profile-import`,
 * /reference/get_accounts, /docs/rate_limits_and_error_handling), revision 2026-10-15:
 *
 * - every request: `Authorization: Klaviyo-API-Key <private key>`, `revision: <date>`,
 *   `Accept: application/vnd.api+json`; bodies `Content-Type: application/vnd.api+json`;
 * - `GET /api/accounts` (200) is the cheap call that proves a key on save;
 * - `POST /api/events` answers 202 with no body; `unique_id` makes Klaviyo drop a repeat of the
 *   same event, so a retry after a lost answer does not count twice;
 * - `POST /api/profile-import` answers 200 (updated) or 201 (created);
 * - errors are JSON:API `{ errors: [{ id, status, code, title, detail, source }] }`; 429 (burst
 *   350/s, steady 3500/m per account for events) carries `Retry-After` in seconds.
 */
export const KLAVIYO_REVISION = "2026-10-15";

export interface KlaviyoAnswer {
  status: number;
  body: string;
  /** Seconds, from Retry-After on a 429. */
  retryAfter: number | null;
}

export interface KlaviyoEvent {
  metric: string;
  email: string;
  properties: Record<string, unknown>;
  time: Date;
  uniqueId: string;
}

const TIMEOUT_MS = 10_000;

export function createKlaviyoClient(apiUrl: string, apiKey: string) {
  const base = apiUrl.replace(/\/$/, "");
  async function call(
    method: "GET" | "POST",
    path: string,
    body?: unknown,
  ): Promise<KlaviyoAnswer> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        Authorization: `Klaviyo-API-Key ${apiKey}`,
        revision: KLAVIYO_REVISION,
        Accept: "application/vnd.api+json",
        ...(body === undefined ? {} : { "Content-Type": "application/vnd.api+json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const retryAfter = Number(response.headers.get("retry-after"));
    return {
      status: response.status,
      body: await response.text(),
      retryAfter: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    };
  }
  return {
    checkKey: () => call("GET", "/api/accounts"),
    createEvent: (event: KlaviyoEvent) =>
      call("POST", "/api/events", {
        data: {
          type: "event",
          attributes: {
            properties: event.properties,
            time: event.time.toISOString(),
            unique_id: event.uniqueId,
            metric: { data: { type: "metric", attributes: { name: event.metric } } },
            profile: { data: { type: "profile", attributes: { email: event.email } } },
          },
        },
      }),
    importProfile: (email: string, properties: Record<string, unknown>) =>
      call("POST", "/api/profile-import", {
        data: { type: "profile", attributes: { email, properties } },
      }),
  };
}

export function klaviyo(apiKey: string) {
  return createKlaviyoClient(config().KLAVIYO_API_URL, apiKey);
}
