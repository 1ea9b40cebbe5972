import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";

// Nothing listens on port 9 (discard) here: EasyPost "cannot be reached".
vi.hoisted(() => {
  process.env.EASYPOST_API_URL = "http://127.0.0.1:9/v2/";
});

import {
  easypostClient,
  EasyPostError,
  EasyPostSignatureError,
  verifyEasyPostWebhook,
} from "./client.server";

const body = readFileSync(
  new URL("../../../tests/fixtures/easypost/tracker.updated.signed-body.min.json", import.meta.url),
);

describe("the EasyPost client", () => {
  it("verifies EasyPost's signature, keyed with the NFKD form of the secret", () => {
    // "sécret" decomposed (e + combining accent), as EasyPost's libraries key the HMAC.
    const digest = createHmac("sha256", Buffer.from("se\u0301cret", "utf8"))
      .update(body)
      .digest("hex");
    const header = `hmac-sha256-hex=${digest}`;
    const event = verifyEasyPostWebhook(body, { "x-hmac-signature": header }, "s\u00e9cret");
    expect(event).toMatchObject({ id: "evt_1", object: "Event" });
    expect(() => verifyEasyPostWebhook(body, { "x-hmac-signature": header }, "secret")).toThrow(
      EasyPostSignatureError,
    );
    expect(() => verifyEasyPostWebhook(body, {}, "s\u00e9cret")).toThrow(EasyPostSignatureError);
  });

  it("reports an EasyPost it cannot reach as an EasyPostError without a status", async () => {
    const failure = await easypostClient("EZTKkey")
      .retrieveTracker("trk_1")
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EasyPostError);
    expect(failure).toMatchObject({ status: null });
    expect((failure as Error).message).toMatch(/^EasyPost/);
  });
});
