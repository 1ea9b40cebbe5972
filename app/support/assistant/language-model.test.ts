import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { listenOpenAiStandin } from "../../../scripts/standin/openai";
import { PrivateAddressError } from "../../platform/http/public-hosts.server";
import { INTENTS } from "./intents";
import {
  intentOfCompletion,
  LanguageModelError,
  OpenAiCompatibleProvider,
} from "./language-model.server";

/** The provider against the Chat Completions stand-in on this machine, over real HTTP. */
let standin: Awaited<ReturnType<typeof listenOpenAiStandin>>;
let key = "";

beforeAll(async () => {
  standin = await listenOpenAiStandin();
  key = standin.openai.createKey();
});
afterAll(() => standin.close());
afterEach(() => standin.openai.resetBehaviour());

const provider = (
  overrides: Partial<ConstructorParameters<typeof OpenAiCompatibleProvider>[0]> = {},
) =>
  new OpenAiCompatibleProvider({
    baseUrl: standin.baseUrl,
    model: "gpt-4o-mini",
    apiKey: key,
    timeoutMs: 2000,
    allowPrivate: true,
    ...overrides,
  });

describe("OpenAI-compatible language model provider", () => {
  it("names the intent the model chose, sending the question alone in JSON mode", async () => {
    standin.openai.reply = (question) =>
      JSON.stringify({ intent: question.includes("colis") ? "order.where" : "none" });
    expect(await provider().classify("mon colis, il est où ?", INTENTS, "fr")).toBe("order.where");
    const [request] = standin.openai.requests;
    expect(request).toMatchObject({ apiKey: key, status: 200 });
    const body = request!.body as { messages: { role: string; content: string }[] };
    expect(body).toMatchObject({ model: "gpt-4o-mini", response_format: { type: "json_object" } });
    // Our instructions, then the shopper's words and nothing else of theirs.
    expect(body.messages.map((message) => message.role)).toEqual(["system", "user"]);
    expect(body.messages[1]!.content).toBe("mon colis, il est où ?");
    for (const intent of INTENTS) expect(body.messages[0]!.content).toContain(intent);
  });

  it("takes none, another word or prose for none of our intents", async () => {
    for (const content of [
      JSON.stringify({ intent: "none" }),
      JSON.stringify({ intent: "order.refund" }),
      JSON.stringify({ intent: ["order.where"] }),
      "order.where",
      "Sure! Your order is on its way.",
    ]) {
      standin.openai.reply = () => content;
      expect(await provider().classify("hmm", INTENTS, "en"), content).toBeNull();
    }
    expect(intentOfCompletion(null, INTENTS)).toBeNull();
    expect(intentOfCompletion('{"intent":"agent.human"}', INTENTS)).toBe("agent.human");
  });

  it("fails with the API's message on a wrong key, an unknown model or a server error", async () => {
    await expect(provider({ apiKey: "sk-wrong" }).classify("hi", INTENTS, "en")).rejects.toThrow(
      /401: Incorrect API key/,
    );
    await expect(provider({ model: "gpt-x" }).classify("hi", INTENTS, "en")).rejects.toThrow(
      /404: The model `gpt-x` does not exist/,
    );
    standin.openai.failWith = 500;
    await expect(provider().classify("hi", INTENTS, "en")).rejects.toBeInstanceOf(
      LanguageModelError,
    );
  });

  it("gives up on a slow model after its timeout", async () => {
    standin.openai.delayMs = 1500;
    const start = Date.now();
    await expect(provider({ timeoutMs: 300 }).classify("hi", INTENTS, "en")).rejects.toThrow(
      /timed out/,
    );
    expect(Date.now() - start).toBeLessThan(1200);
  });

  it("reads no more than 16 KB of an answer", async () => {
    standin.openai.reply = () =>
      JSON.stringify({ intent: "order.where", padding: "x".repeat(40_000) });
    await expect(provider().classify("hi", INTENTS, "en")).rejects.toThrow(/not JSON/);
  });

  it("refuses a base URL on this machine unless private hosts are allowed", async () => {
    await expect(
      provider({ allowPrivate: false }).classify("hi", INTENTS, "en"),
    ).rejects.toBeInstanceOf(PrivateAddressError);
    expect(standin.openai.requests).toHaveLength(0);
  });
});
