import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listenTwilioStandin, type TwilioStandin } from "../../../scripts/standin/twilio";
import { type SmsProviderError, type SmsCredentials } from "./provider";
import { createTwilioSms } from "./twilio.server";

// Twilio's behaviour from its docs: the Message resource (create: To, Body, From or
// MessagingServiceSid, StatusCallback; 201 with sid and status), error codes 20003, 21602,
// 21610 (https://www.twilio.com/docs/api/errors), and request validation
// (https://www.twilio.com/docs/usage/security#validating-requests).

let standin: Awaited<ReturnType<typeof listenTwilioStandin>>;
let twilio: TwilioStandin;
let credentials: SmsCredentials;
let authToken: string;
const callbacks: { verified: boolean; params: Record<string, string> }[] = [];
let callbackServer: ReturnType<typeof createServer>;
let callbackUrl: string;
const provider = () => createTwilioSms(standin.apiUrl);

beforeAll(async () => {
  standin = await listenTwilioStandin();
  twilio = standin.twilio;
  const account = twilio.createAccount(["+15005550006"]);
  authToken = account.authToken;
  credentials = {
    accountSid: account.accountSid,
    authToken: account.authToken,
    from: { phoneNumber: "+15005550006" },
  };
  callbackServer = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString()));
      callbacks.push({
        params,
        verified: provider().verifyCallback({
          authToken,
          url: `${callbackUrl}${request.url!.replace(/^\/status/, "")}`,
          signature: String(request.headers["x-twilio-signature"] ?? ""),
          params,
        }),
      });
      response.writeHead(204);
      response.end();
    });
  });
  await new Promise<void>((resolve) => callbackServer.listen(0, "127.0.0.1", resolve));
  callbackUrl = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}/status`;
});

afterAll(async () => {
  await standin.close();
  await new Promise<void>((resolve) => callbackServer.close(() => resolve()));
});

describe("Twilio SMS provider against the stand-in", () => {
  it("sends a message, and its signed status callback verifies", async () => {
    const sent = await provider().send(credentials, {
      to: "+14155550100",
      body: "Your order #1001 is out for delivery",
      statusCallbackUrl: `${callbackUrl}?shop=shop.myshopify.com`,
    });
    expect(sent.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(sent.status).toBe("queued");
    expect(twilio.messages.at(-1)).toMatchObject({
      to: "+14155550100",
      from: "+15005550006",
      body: "Your order #1001 is out for delivery",
    });

    // The stand-in reports the message's progress as Twilio does: sent, then delivered.
    const ofMessage = () =>
      callbacks.filter((callback) => callback.params.MessageSid === sent.providerMessageId);
    await vi.waitFor(() => expect(ofMessage()).toHaveLength(2));
    expect(ofMessage().map((callback) => callback.params.MessageStatus)).toEqual([
      "sent",
      "delivered",
    ]);
    expect(ofMessage().every((callback) => callback.verified)).toBe(true);

    await twilio.advance(sent.providerMessageId, "delivered", { authToken: "not-the-token" });
    expect(callbacks.at(-1)!.verified).toBe(false);
  });

  it("sends through a messaging service", async () => {
    const [service] = [...twilio.accounts.get(credentials.accountSid)!.messagingServices];
    const sent = await provider().send(
      { ...credentials, from: { messagingServiceSid: service! } },
      { to: "+14155550101", body: "Hi" },
    );
    expect(sent.status).toBe("accepted");
  });

  it("surfaces Twilio's refusals with their codes", async () => {
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error: SmsProviderError) => [error.name, error.code, error.httpStatus],
      );
    expect(
      await refusal(
        provider().send({ ...credentials, authToken: "wrong" }, { to: "+14155550100", body: "x" }),
      ),
    ).toEqual(["SmsProviderError", 20003, 401]);
    expect(await refusal(provider().send(credentials, { to: "+14155550100", body: "" }))).toEqual([
      "SmsProviderError",
      21602,
      400,
    ]);
    expect(await refusal(provider().send(credentials, { to: "0612", body: "x" }))).toEqual([
      "SmsProviderError",
      21211,
      400,
    ]);
  });

  it("refuses a number that texted STOP (21610) until it texts START", async () => {
    const inbound = (body: string) =>
      twilio.inbound({
        accountSid: credentials.accountSid,
        from: "+14155550199",
        to: "+15005550006",
        body,
        url: callbackUrl,
      });
    await inbound("stop");
    expect(callbacks.at(-1)).toMatchObject({
      verified: true,
      params: { Body: "stop", From: "+14155550199", OptOutType: "STOP" },
    });
    await expect(
      provider().send(credentials, { to: "+14155550199", body: "Shipped" }),
    ).rejects.toMatchObject({ code: 21610 });
    await inbound("START");
    await expect(
      provider().send(credentials, { to: "+14155550199", body: "Shipped" }),
    ).resolves.toMatchObject({ status: "queued" });
  });
});
