import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenOpenAiStandin } from "../../scripts/standin/openai";
import { db } from "../../app/db.server";
import { adminFetch } from "../support/http";
import { adminPost, chat, shopWithOrder } from "./live";

/**
 * Issue #19: the merchant's optional language model, end to end over real HTTP. The merchant
 * switches it on in Support → Chat; the built app asks the Chat Completions stand-in (on this
 * machine, allowed by DESTINATIONS_ALLOW_PRIVATE_HOSTS as for event endpoints) only about a
 * question its own classifier is unsure of, and the shopper gets our answer for the intent named.
 */
let standin: Awaited<ReturnType<typeof listenOpenAiStandin>>;

beforeAll(async () => {
  standin = await listenOpenAiStandin();
});
afterAll(() => standin.close());

/** Unsure for the local classifier, a change of address to a reader. */
const UNSURE = "please send it to my new flat instead";

describe("the assistant's optional language model", () => {
  it("is switched on by the merchant and names the intent of an unsure question", async () => {
    const { shop, email } = await shopWithOrder("chat-llm");
    const ask = async (question: string) => {
      const response = await chat(shop, {
        intent: "ask",
        locale: "en",
        order: "9999",
        email,
        question,
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { intent: string | null; answerHtml: string };
    };
    standin.openai.reply = (question) =>
      JSON.stringify({ intent: question.includes("flat") ? "order.change_address" : "none" });

    // Off (as every shop starts): nothing is sent, the shopper hears "not sure".
    expect((await ask(UNSURE)).intent).toBeNull();
    expect(standin.openai.requests).toHaveLength(0);

    const key = standin.openai.createKey();
    const saved = await adminPost(shop, "/app/support/chat", {
      section: "languageModel",
      enabled: "on",
      baseUrl: standin.baseUrl,
      model: "gpt-4o-mini",
      apiKey: key,
    });
    expect(saved.status).toBe(200);
    const row = await db.supportLanguageModelSettings.findUniqueOrThrow({
      where: { shopDomain: shop },
    });
    expect(row).toMatchObject({ enabled: true, baseUrl: standin.baseUrl, model: "gpt-4o-mini" });
    // The page says a key is saved and never shows it.
    const page = await (await adminFetch(shop, "/app/support/chat")).text();
    expect(page).toContain("Saved. Enter a new key to replace it");
    expect(page).not.toContain(key);

    const answer = await ask(UNSURE);
    expect(answer.intent).toBe("order.change_address");
    // The fixture order has shipped: our answer for a new address after shipping.
    expect(answer.answerHtml).toContain(
      "has already shipped, so its address can&#x27;t be changed",
    );
    expect(standin.openai.requests).toHaveLength(1);
    expect(standin.openai.requests[0]).toMatchObject({ apiKey: key, status: 200 });
    expect(JSON.stringify(standin.openai.requests[0]!.body)).not.toContain(email);

    // The model failing: the shopper still gets "not sure", with the way to a person.
    standin.openai.failWith = 503;
    const fallback = await ask(UNSURE);
    expect(fallback.intent).toBeNull();
    expect(fallback.answerHtml).toContain("not sure I understood");
  }, 120_000);
});
