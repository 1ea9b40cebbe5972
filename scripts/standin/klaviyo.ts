import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Klaviyo's server-side API as the stand-in plays it, as strict as Klaviyo
 * (https://developers.klaviyo.com/en/reference/create_event, …/reference/get_accounts,
 * `POST /api/profile-import`, https://developers.klaviyo.com/en/docs/rate_limits_and_error_handling):
 * `Authorization: Klaviyo-API-Key <private key>` (401 without or with an unknown one), a
 * `revision` header (400 without), `Content-Type: application/vnd.api+json` on bodies (415
 * otherwise), JSON:API bodies checked field by field (400), errors as Klaviyo's
 * `{ errors: [{ id, status, code, title, detail, source: { pointer } }] }`, and 429 with
 * `Retry-After` when told to.
 */

export interface KlaviyoRequest {
  method: string;
  path: string;
  apiKey: string;
  revision: string;
  body: unknown;
  /** What the stand-in answered. */
  status: number;
}

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

function error(
  status: number,
  code: string,
  title: string,
  detail: string,
  pointer?: string,
): Answer {
  return {
    status,
    body: {
      errors: [
        {
          id: randomUUID(),
          status,
          code,
          title,
          detail,
          source: pointer ? { pointer } : {},
          links: {},
          meta: {},
        },
      ],
    },
  };
}

const invalid = (detail: string, pointer: string) =>
  error(400, "invalid", "Invalid input.", detail, pointer);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** `at(body, "data", "attributes")`: the nested value, or undefined. */
function at(value: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), value);
}

function checkProfileIdentity(attributes: unknown, pointer: string): Answer | null {
  if (!isObject(attributes)) return invalid("'attributes' is required", pointer);
  const { email, phone_number: phone, external_id: externalId } = attributes;
  if (email === undefined && phone === undefined && externalId === undefined) {
    return invalid("One of email, phone_number or external_id is required.", pointer);
  }
  if (
    email !== undefined &&
    (typeof email !== "string" || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
  ) {
    return invalid(`Invalid email address`, `${pointer}/email`);
  }
  return null;
}

export class KlaviyoStandin {
  readonly keys = new Set<string>();
  readonly requests: KlaviyoRequest[] = [];
  /** Profiles by e-mail, with the properties imported so far. */
  readonly profiles = new Map<string, { id: string; properties: Record<string, unknown> }>();
  private throttled: { remaining: number; retryAfter: number } | null = null;

  createKey() {
    const key = `pk_${randomBytes(17).toString("hex")}`;
    this.keys.add(key);
    return key;
  }

  /** The next `count` requests with a valid key answer 429 with `Retry-After: <seconds>`. */
  throttle(count: number, retryAfter: number) {
    this.throttled = { remaining: count, retryAfter };
  }

  handle(method: string, path: string, headers: IncomingMessage["headers"], raw: string): Answer {
    const authorization = headers.authorization ?? "";
    if (!authorization) {
      return error(
        401,
        "not_authenticated",
        "Authentication credentials were not provided.",
        "Missing or invalid private key.",
      );
    }
    const key = authorization.startsWith("Klaviyo-API-Key ") ? authorization.slice(16).trim() : "";
    if (!this.keys.has(key)) {
      return error(
        401,
        "authentication_failed",
        "Incorrect authentication credentials.",
        "Incorrect authentication credentials.",
      );
    }
    if (!headers.revision) {
      return error(
        400,
        "invalid",
        "Invalid input.",
        "A revision header is required.",
        "/headers/revision",
      );
    }
    if (this.throttled && this.throttled.remaining > 0) {
      this.throttled.remaining -= 1;
      const answer = error(
        429,
        "throttled",
        "Request was throttled.",
        `Request was throttled. Expected available in ${this.throttled.retryAfter} seconds.`,
      );
      return { ...answer, headers: { "Retry-After": String(this.throttled.retryAfter) } };
    }
    if (method === "GET" && path === "/api/accounts") {
      return {
        status: 200,
        body: {
          data: [
            {
              type: "account",
              id: "AbC123",
              attributes: { contact_information: { organization_name: "Stand-in Store" } },
              links: { self: "https://a.klaviyo.com/api/accounts/AbC123/" },
            },
          ],
          links: { self: "https://a.klaviyo.com/api/accounts/", next: null, prev: null },
        },
      };
    }
    if (method !== "POST" || (path !== "/api/events" && path !== "/api/profile-import")) {
      return error(404, "not_found", "Not found.", `No route for ${method} ${path}`);
    }
    const contentType = (headers["content-type"] ?? "").split(";")[0]!.trim();
    if (contentType !== "application/vnd.api+json") {
      return error(
        415,
        "unsupported_media_type",
        "Unsupported media type.",
        `Unsupported media type "${contentType}" in request.`,
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return error(400, "parse_error", "Malformed request.", "JSON parse error.", "/data");
    }
    return path === "/api/events" ? this.createEvent(body) : this.importProfile(body);
  }

  private createEvent(body: unknown): Answer {
    if (at(body, "data", "type") !== "event")
      return invalid("'data.type' must be 'event'", "/data/type");
    const attributes = at(body, "data", "attributes");
    if (!isObject(attributes)) return invalid("'attributes' is required", "/data/attributes");
    if (!isObject(attributes.properties)) {
      return invalid("'properties' is a required object", "/data/attributes/properties");
    }
    if (at(attributes, "metric", "data", "type") !== "metric") {
      return invalid("'metric.data.type' must be 'metric'", "/data/attributes/metric/data/type");
    }
    const name = at(attributes, "metric", "data", "attributes", "name");
    if (typeof name !== "string" || !name) {
      return invalid("'name' is required", "/data/attributes/metric/data/attributes/name");
    }
    if (at(attributes, "profile", "data", "type") !== "profile") {
      return invalid("'profile.data.type' must be 'profile'", "/data/attributes/profile/data/type");
    }
    const identity = checkProfileIdentity(
      at(attributes, "profile", "data", "attributes"),
      "/data/attributes/profile/data/attributes",
    );
    if (identity) return identity;
    if (attributes.time !== undefined && Number.isNaN(Date.parse(String(attributes.time)))) {
      return invalid("'time' must be an ISO 8601 datetime", "/data/attributes/time");
    }
    if (attributes.unique_id !== undefined && typeof attributes.unique_id !== "string") {
      return invalid("'unique_id' must be a string", "/data/attributes/unique_id");
    }
    return { status: 202, body: "" };
  }

  private importProfile(body: unknown): Answer {
    if (at(body, "data", "type") !== "profile")
      return invalid("'data.type' must be 'profile'", "/data/type");
    const attributes = at(body, "data", "attributes");
    const identity = checkProfileIdentity(attributes, "/data/attributes");
    if (identity) return identity;
    const email = String((attributes as Record<string, unknown>).email);
    const properties = at(attributes, "properties");
    if (properties !== undefined && !isObject(properties)) {
      return invalid("'properties' must be an object", "/data/attributes/properties");
    }
    const existing = this.profiles.get(email);
    const profile = existing ?? {
      id: `01${randomBytes(12).toString("hex").toUpperCase()}`,
      properties: {},
    };
    Object.assign(profile.properties, properties ?? {});
    this.profiles.set(email, profile);
    return {
      status: existing ? 200 : 201,
      body: {
        data: {
          type: "profile",
          id: profile.id,
          attributes: { email, properties: profile.properties },
          links: { self: `https://a.klaviyo.com/api/profiles/${profile.id}/` },
        },
      },
    };
  }
}

async function readBody(request: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Serves `/api/…`, the test view `/__standin/klaviyo/requests` and `POST /__standin/klaviyo/keys`
 * (a new valid private key, for tests in another process than the stand-in's).
 */
export async function serveKlaviyo(
  klaviyo: KlaviyoStandin,
  request: IncomingMessage,
  response: ServerResponse,
  path: string[],
) {
  if (path[0] === "__standin") {
    response.writeHead(200, { "Content-Type": "application/json" });
    response.end(
      JSON.stringify(path[1] === "keys" ? { key: klaviyo.createKey() } : klaviyo.requests),
    );
    return;
  }
  const raw = await readBody(request);
  const method = request.method ?? "GET";
  const pathname = `/${path.join("/")}`.replace(/\/$/, "");
  const answer = klaviyo.handle(method, pathname, request.headers, raw);
  let body: unknown = raw;
  try {
    body = raw ? JSON.parse(raw) : null;
  } catch {
    // recorded as sent
  }
  klaviyo.requests.push({
    method,
    path: pathname,
    apiKey: (request.headers.authorization ?? "").replace(/^Klaviyo-API-Key /, ""),
    revision: String(request.headers.revision ?? ""),
    body,
    status: answer.status,
  });
  response.writeHead(answer.status, {
    ...(answer.body === "" ? {} : { "Content-Type": "application/vnd.api+json" }),
    ...answer.headers,
  });
  response.end(answer.body === "" ? "" : JSON.stringify(answer.body));
}

/** Klaviyo alone on its own port (unit tests): its API base for KLAVIYO_API_URL. */
export async function listenKlaviyoStandin(klaviyo = new KlaviyoStandin()) {
  const server = createServer((request, response) => {
    const parts = new URL(request.url ?? "/", "http://localhost").pathname
      .split("/")
      .filter(Boolean);
    serveKlaviyo(klaviyo, request, response, parts).catch((failure: Error) => {
      response.writeHead(500);
      response.end(failure.message);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    klaviyo,
    apiUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
