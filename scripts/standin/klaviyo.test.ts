import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenKlaviyoStandin } from "./klaviyo";

/**
 * The Klaviyo stand-in refuses what Klaviyo refuses (developers.klaviyo.com: create_event's
 * request body and "Rate limits, status codes, and errors"), so the app cannot pass against it
 * with a request Klaviyo would reject.
 */
let standin: Awaited<ReturnType<typeof listenKlaviyoStandin>>;
let key = "";

beforeAll(async () => {
  standin = await listenKlaviyoStandin();
  key = standin.klaviyo.createKey();
});
afterAll(() => standin.close());

const EVENT = {
  data: {
    type: "event",
    attributes: {
      properties: { orderId: "820982911946154508" },
      metric: { data: { type: "metric", attributes: { name: "Aftercare Shipment Delivered" } } },
      profile: { data: { type: "profile", attributes: { email: "john@example.com" } } },
      unique_id: "evt-1",
    },
  },
};

function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${standin.apiUrl}/api/events`, {
    method: "POST",
    headers: {
      Authorization: `Klaviyo-API-Key ${key}`,
      revision: "2026-10-15",
      "Content-Type": "application/vnd.api+json",
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const firstError = async (response: Response) =>
  ((await response.json()) as { errors: Record<string, unknown>[] }).errors[0];

describe("Klaviyo stand-in", () => {
  it("accepts a well-formed event with 202 and no body", async () => {
    const response = await post(EVENT);
    expect(response.status).toBe(202);
    expect(await response.text()).toBe("");
  });

  it("answers 401 without a key or with an unknown one", async () => {
    expect(await firstError(await post(EVENT, { Authorization: "" }))).toMatchObject({
      status: 401,
      code: "not_authenticated",
    });
    expect(
      await firstError(await post(EVENT, { Authorization: "Klaviyo-API-Key pk_unknown" })),
    ).toMatchObject({ status: 401, code: "authentication_failed" });
  });

  it("answers 400 without a revision header, 415 for another content type", async () => {
    expect((await post(EVENT, { revision: "" })).status).toBe(400);
    expect((await post(EVENT, { "Content-Type": "application/json" })).status).toBe(415);
  });

  it("answers 400 with a JSON:API error pointing at the malformed field", async () => {
    const noName = structuredClone(EVENT);
    noName.data.attributes.metric.data.attributes.name = "";
    const response = await post(noName);
    expect(response.status).toBe(400);
    expect(await firstError(response)).toMatchObject({
      status: 400,
      code: "invalid",
      source: { pointer: "/data/attributes/metric/data/attributes/name" },
    });
    expect((await post("{not json")).status).toBe(400);
  });

  it("answers 429 with Retry-After when told to throttle", async () => {
    standin.klaviyo.throttle(1, 30);
    const response = await post(EVENT);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("30");
    expect((await post(EVENT)).status).toBe(202);
  });
});
