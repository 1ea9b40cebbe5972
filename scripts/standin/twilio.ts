import { createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SegmentedMessage } from "sms-segments-calculator";

/**
 * Twilio's Messages API as the stand-in plays it
 * (https://www.twilio.com/docs/messaging/api/message-resource, error codes from
 * https://www.twilio.com/docs/api/errors): HTTP Basic auth with the Account SID and auth token,
 * form-encoded parameters, required To/Body/From-or-MessagingServiceSid, numbers that texted STOP
 * refused with 21610; status callbacks and inbound messages POSTed to the app signed with
 * X-Twilio-Signature exactly as Twilio signs them
 * (https://www.twilio.com/docs/usage/security#validating-requests). A message with a
 * StatusCallback then moves as a handset that receives it makes it move — (accepted →) queued →
 * sent → delivered — each status POSTed to the callback in turn
 * (https://www.twilio.com/docs/messaging/guides/track-outbound-message-status); `num_segments`
 * is counted the way Twilio bills (GSM-7 or UCS-2, https://www.twilio.com/docs/glossary/what-sms-character-limit).
 */

export interface TwilioMessage {
  sid: string;
  account_sid: string;
  to: string;
  from: string | null;
  messaging_service_sid: string | null;
  body: string;
  status: string;
  num_segments: string;
  status_callback: string | null;
  date_created: string;
  api_version: "2010-04-01";
  error_code: number | null;
  error_message: string | null;
  uri: string;
}

interface Account {
  authToken: string;
  numbers: Set<string>;
  messagingServices: Set<string>;
}

const E164 = /^\+[1-9]\d{1,14}$/;
const STOP_WORDS = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"]);
const START_WORDS = new Set(["START", "YES", "UNSTOP"]);

/** Twilio's signature: HMAC-SHA1 with the auth token over the URL followed by each POST param's name and value, names sorted. */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>) {
  const data = Object.keys(params)
    .sort()
    .reduce((text, name) => text + name + params[name], url);
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

function twilioError(status: number, code: number, message: string) {
  return {
    status,
    body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
  };
}

export class TwilioStandin {
  readonly accounts = new Map<string, Account>();
  readonly messages: TwilioMessage[] = [];
  /** "<sender>|<recipient>" pairs whose recipient texted STOP to that sender. */
  readonly optedOut = new Set<string>();
  /** Each status callback POSTed and the app's answer, for tests to see. */
  readonly callbacks: { sid: string; status: string; answer: number }[] = [];

  /** A fresh account owning the given numbers (and one messaging service). */
  createAccount(numbers: string[] = ["+15005550006"]) {
    const accountSid = `AC${randomBytes(16).toString("hex")}`;
    const authToken = randomBytes(16).toString("hex");
    const messagingServiceSid = `MG${randomBytes(16).toString("hex")}`;
    this.accounts.set(accountSid, {
      authToken,
      numbers: new Set(numbers),
      messagingServices: new Set([messagingServiceSid]),
    });
    return { accountSid, authToken, messagingServiceSid, numbers };
  }

  /** `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` and `GET …/Messages/{Sid}.json`. */
  handle(method: string, path: string[], authorization: string, rawBody: string) {
    const [version, accounts, accountSid, resource, messageFile] = path;
    if (version !== "2010-04-01" || accounts !== "Accounts" || !accountSid) {
      return twilioError(404, 20404, "The requested resource was not found");
    }
    const [user, password] = authorization.startsWith("Basic ")
      ? Buffer.from(authorization.slice(6), "base64").toString("utf8").split(":")
      : [];
    const account = this.accounts.get(accountSid);
    if (!account || user !== accountSid || password !== account.authToken) {
      return twilioError(401, 20003, "Authenticate");
    }
    if (resource === "Messages" && messageFile && method === "GET") {
      const message = this.messages.find(
        (candidate) =>
          candidate.account_sid === accountSid &&
          `${candidate.sid}.json` === decodeURIComponent(messageFile),
      );
      return message
        ? { status: 200, body: message }
        : twilioError(404, 20404, "The requested resource was not found");
    }
    if (resource !== "Messages.json" || method !== "POST") {
      return twilioError(405, 20004, "Method not allowed");
    }
    const form = new URLSearchParams(rawBody);
    const to = form.get("To") ?? "";
    const from = form.get("From");
    const service = form.get("MessagingServiceSid");
    const body = form.get("Body") ?? "";
    if (!to) return twilioError(400, 21604, "A 'To' phone number is required.");
    if (!E164.test(to)) return twilioError(400, 21211, `Invalid 'To' Phone Number: ${to}`);
    if (!from && !service) {
      return twilioError(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required");
    }
    if (from && !account.numbers.has(from)) {
      return twilioError(
        400,
        21606,
        `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`,
      );
    }
    if (!from && service && !account.messagingServices.has(service)) {
      return twilioError(404, 20404, `The requested resource ${service} was not found`);
    }
    if (!body) return twilioError(400, 21602, "Message body is required.");
    if (body.length > 1600) {
      return twilioError(
        400,
        21617,
        "The concatenated message body exceeds the 1600 character limit.",
      );
    }
    // With a messaging service, its numbers share one opt-out list (Advanced Opt-Out).
    const sender = from ?? [...account.numbers][0]!;
    if (this.optedOut.has(`${sender}|${to}`)) {
      return twilioError(400, 21610, "Attempt to send to unsubscribed recipient");
    }
    const sid = `SM${randomBytes(16).toString("hex")}`;
    const message: TwilioMessage = {
      sid,
      account_sid: accountSid,
      to,
      from: from ?? null,
      messaging_service_sid: service,
      body,
      status: service ? "accepted" : "queued",
      num_segments: String(new SegmentedMessage(body).segmentsCount),
      status_callback: form.get("StatusCallback"),
      date_created: new Date().toUTCString(),
      api_version: "2010-04-01",
      error_code: null,
      error_message: null,
      uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
    };
    this.messages.push({ ...message });
    if (message.status_callback) {
      // After the API has answered, as Twilio does: the message moves on to the handset.
      const steps = [...(service ? ["queued"] : []), "sent", "delivered"];
      // A callback the app fails to take is lost, as with Twilio (it does not retry them).
      void new Promise<void>((resolve) => setImmediate(resolve))
        .then(async () => {
          for (const status of steps) await this.advance(sid, status);
        })
        .catch(() => undefined);
    }
    return { status: 201, body: message };
  }

  /**
   * Moves a message to `status` (sent, delivered, undelivered, failed) and POSTs its status
   * callback, signed; `authToken` overrides the signing key (to test refusals).
   */
  async advance(sid: string, status: string, options: { authToken?: string } = {}) {
    const message = this.messages.find((candidate) => candidate.sid === sid);
    if (!message) throw new Error(`no Twilio message ${sid}`);
    message.status = status;
    if (status === "undelivered" || status === "failed") {
      message.error_code = 30003;
      message.error_message = "Unreachable destination handset";
    }
    if (!message.status_callback) return null;
    // Statuses are reported in order: a later one waits for the earlier callback's answer.
    const params: Record<string, string> = {
      AccountSid: message.account_sid,
      ApiVersion: message.api_version,
      From: message.from ?? "",
      MessageSid: sid,
      MessageStatus: status,
      SmsSid: sid,
      SmsStatus: status,
      To: message.to,
      ...(message.messaging_service_sid
        ? { MessagingServiceSid: message.messaging_service_sid }
        : {}),
      ...(message.error_code ? { ErrorCode: String(message.error_code) } : {}),
    };
    const answer = await this.post(
      message.account_sid,
      message.status_callback,
      params,
      options.authToken,
    );
    this.callbacks.push({ sid, status, answer: answer.status });
    return answer;
  }

  /**
   * A shopper's text to one of the account's numbers, POSTed to the app's inbound URL; like
   * Twilio's default opt-out handling, STOP words block further messages from that number and
   * START words lift the block.
   */
  async inbound(input: {
    accountSid: string;
    from: string;
    to: string;
    body: string;
    url: string;
    authToken?: string;
  }) {
    const keyword = input.body.trim().toUpperCase();
    if (STOP_WORDS.has(keyword)) this.optedOut.add(`${input.to}|${input.from}`);
    if (START_WORDS.has(keyword)) this.optedOut.delete(`${input.to}|${input.from}`);
    const params: Record<string, string> = {
      AccountSid: input.accountSid,
      ApiVersion: "2010-04-01",
      Body: input.body,
      From: input.from,
      MessageSid: `SM${randomBytes(16).toString("hex")}`,
      NumMedia: "0",
      NumSegments: "1",
      SmsSid: "",
      SmsStatus: "received",
      To: input.to,
      ...(STOP_WORDS.has(keyword) || START_WORDS.has(keyword)
        ? { OptOutType: STOP_WORDS.has(keyword) ? "STOP" : "START" }
        : {}),
    };
    params.SmsSid = params.MessageSid!;
    return this.post(input.accountSid, input.url, params, input.authToken);
  }

  private async post(
    accountSid: string,
    url: string,
    params: Record<string, string>,
    authToken = this.accounts.get(accountSid)?.authToken ?? "",
  ) {
    return fetch(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Twilio-Signature": twilioSignature(authToken, url, params),
        "User-Agent": "TwilioProxy/1.1",
      },
      body: new URLSearchParams(params),
    });
  }
}

async function readBody(request: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Serves `/2010-04-01/…` and the test view `/__standin/twilio/messages` for one TwilioStandin. */
export async function serveTwilio(
  twilio: TwilioStandin,
  request: IncomingMessage,
  response: ServerResponse,
  path: string[],
) {
  if (path[0] === "__standin") {
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { "Content-Type": "application/json" });
      response.end(JSON.stringify(body));
    };
    const input =
      request.method === "POST"
        ? (JSON.parse((await readBody(request)) || "{}") as Record<string, string>)
        : {};
    // POST /__standin/twilio/accounts: a fresh account (its SID, auth token, number, service).
    if (path[1] === "accounts" && request.method === "POST") {
      return json(201, twilio.createAccount(input.numbers ? input.numbers.split(",") : undefined));
    }
    // POST /__standin/twilio/inbound {accountSid, from, to, body, url}: a shopper's text.
    if (path[1] === "inbound" && request.method === "POST") {
      const answer = await twilio.inbound({
        accountSid: input.accountSid ?? "",
        from: input.from ?? "",
        to: input.to ?? "",
        body: input.body ?? "",
        url: input.url ?? "",
        ...(input.authToken ? { authToken: input.authToken } : {}),
      });
      return json(200, { status: answer.status, body: await answer.text() });
    }
    // POST /__standin/twilio/messages/<sid>/status {status, authToken?}: a status callback.
    if (path[1] === "messages" && path[2] && path[3] === "status" && request.method === "POST") {
      const answer = await twilio.advance(path[2], input.status ?? "", {
        ...(input.authToken ? { authToken: input.authToken } : {}),
      });
      return json(200, { status: answer?.status ?? null });
    }
    // GET /__standin/twilio/messages?to=<E.164>: the messages sent (to one number).
    const to = new URL(request.url ?? "/", "http://localhost").searchParams.get("to");
    return json(
      200,
      twilio.messages.filter((message) => !to || message.to === to),
    );
  }
  const answer = twilio.handle(
    request.method ?? "GET",
    path,
    request.headers.authorization ?? "",
    await readBody(request),
  );
  response.writeHead(answer.status, { "Content-Type": "application/json" });
  response.end(JSON.stringify(answer.body));
}

/** Twilio alone on its own port (unit tests): its API base for TWILIO_API_URL. */
export async function listenTwilioStandin(twilio = new TwilioStandin()) {
  const server = createServer((request, response) => {
    const parts = new URL(request.url ?? "/", "http://localhost").pathname
      .split("/")
      .filter(Boolean);
    serveTwilio(twilio, request, response, parts).catch((error: Error) => {
      response.writeHead(500);
      response.end(error.message);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    twilio,
    apiUrl: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
