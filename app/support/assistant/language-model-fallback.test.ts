import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { db } from "../../db.server";
import { languageModelSettings, saveLanguageModelSettings } from "./language-model-settings.server";
import { askAboutAnasOrder, storeOrder } from "./orders.testing";

// The model is played by the Chat Completions stand-in on 127.0.0.1 (allowed as for merchants'
// event endpoints in tests); the key is sealed with a SECRETS_KEY of this run, set before any
// module reads the configuration.
const standin = await vi.hoisted(async () => {
  const { listenOpenAiStandin } = await import("../../../scripts/standin/openai");
  process.env.DESTINATIONS_ALLOW_PRIVATE_HOSTS = "true";
  process.env.SECRETS_KEY = (await import("node:crypto")).randomBytes(32).toString("base64");
  return listenOpenAiStandin();
});
afterAll(() => standin.close());
afterEach(() => standin.openai.resetBehaviour());

/** Unsure for the local classifier (0.47 for change the address), clear to a person. */
const UNSURE = "please send it to my new flat instead";

async function shopWithOrder() {
  const shopDomain = `llm-${randomUUID().slice(0, 8)}.myshopify.com`;
  await storeOrder(shopDomain, "#1001", "ana@example.com");
  return shopDomain;
}

const ask = (shopDomain: string, question: string) => askAboutAnasOrder(shopDomain, { question });

function settingsForm(fields: Record<string, string>) {
  return new URLSearchParams({ baseUrl: standin.baseUrl, model: "gpt-4o-mini", ...fields });
}

const unsure = {
  ok: true,
  intent: null,
  answer: { kind: "unsure", orderName: "#1001", articles: [] },
};

describe("the merchant's language model as the assistant's fallback", () => {
  it("gets an unsure question the intent's own answer from our data, sending the question alone", async () => {
    const shop = await shopWithOrder();
    const key = standin.openai.createKey();
    expect(
      await saveLanguageModelSettings(shop, settingsForm({ enabled: "on", apiKey: key })),
    ).toEqual({
      ok: true,
    });
    standin.openai.reply = (question) =>
      JSON.stringify({ intent: question.includes("flat") ? "order.change_address" : "none" });
    expect(await ask(shop, UNSURE)).toEqual({
      ok: true,
      intent: "order.change_address",
      answer: { kind: "changeAddress", orderName: "#1001", shipped: false },
    });
    expect(standin.openai.requests).toHaveLength(1);
    const sent = JSON.stringify(standin.openai.requests[0]!.body);
    expect(sent).toContain(UNSURE);
    expect(sent).not.toContain("ana@example.com");
    expect(sent).not.toContain("#1001");
    // The deflection count records what it was about, as for the local classifier's answers.
    expect(
      await db.supportAssistantQuestion.findMany({
        where: { shopDomain: shop },
        select: { intent: true },
      }),
    ).toEqual([{ intent: "order.change_address" }]);
    // A question the local classifier is sure of never reaches the model.
    expect((await ask(shop, "where is my order")).ok).toBe(true);
    expect(standin.openai.requests).toHaveLength(1);
  });

  it("never calls the model while it is switched off", async () => {
    const shop = await shopWithOrder();
    const key = standin.openai.createKey();
    expect(await saveLanguageModelSettings(shop, settingsForm({ apiKey: key }))).toEqual({
      ok: true,
    });
    standin.openai.reply = () => JSON.stringify({ intent: "order.change_address" });
    expect(await ask(shop, UNSURE)).toEqual(unsure);
    expect(await ask(shop, "tell me a joke")).toEqual(unsure);
    expect(standin.openai.requests).toHaveLength(0);
  });

  it("falls back to not sure when the model fails, is slow, or names no intent of ours", async () => {
    const shop = await shopWithOrder();
    const key = standin.openai.createKey();
    await saveLanguageModelSettings(shop, settingsForm({ enabled: "on", apiKey: key }));
    standin.openai.failWith = 500;
    expect(await ask(shop, UNSURE)).toEqual(unsure);
    standin.openai.failWith = null;
    standin.openai.reply = () => "Sure, I've changed your address to 1 Main Street!";
    expect(await ask(shop, UNSURE)).toEqual(unsure);
    standin.openai.reply = () => JSON.stringify({ intent: "order.change_address" });
    standin.openai.delayMs = 6000;
    const start = Date.now();
    expect(await ask(shop, UNSURE)).toEqual(unsure);
    expect(Date.now() - start).toBeLessThan(5500);
    expect(standin.openai.requests.map((request) => request.status)).toEqual([500, 200, 200]);
  }, 20_000);

  it("keeps the key write-only and sealed, and refuses incomplete or unsafe settings", async () => {
    const shop = await shopWithOrder();
    expect(await saveLanguageModelSettings(shop, settingsForm({ enabled: "on" }))).toEqual({
      ok: false,
      error: "apiKey",
    });
    expect(
      await saveLanguageModelSettings(
        shop,
        settingsForm({ enabled: "on", apiKey: "sk-1", model: "" }),
      ),
    ).toEqual({ ok: false, error: "model" });
    for (const baseUrl of [
      "http://example.com/v1",
      "ftp://127.0.0.1/v1",
      "https://user:pw@example.com/v1",
      "not a url",
    ]) {
      expect(
        await saveLanguageModelSettings(
          shop,
          settingsForm({ enabled: "on", apiKey: "sk-1", baseUrl }),
        ),
        baseUrl,
      ).toEqual({ ok: false, error: "baseUrl" });
    }
    expect(
      await saveLanguageModelSettings(shop, settingsForm({ enabled: "on", apiKey: "sk-secret-1" })),
    ).toEqual({
      ok: true,
    });
    const row = await db.supportLanguageModelSettings.findUniqueOrThrow({
      where: { shopDomain: shop },
    });
    expect(row.apiKeySealed).not.toContain("sk-secret-1");
    expect(await languageModelSettings(shop)).toEqual({
      enabled: true,
      baseUrl: standin.baseUrl,
      model: "gpt-4o-mini",
      hasApiKey: true,
    });
    // Saving without a key keeps the saved one.
    expect(await saveLanguageModelSettings(shop, settingsForm({ enabled: "on" }))).toEqual({
      ok: true,
    });
    const kept = await db.supportLanguageModelSettings.findUniqueOrThrow({
      where: { shopDomain: shop },
    });
    expect(kept.apiKeySealed).toBe(row.apiKeySealed);
  });
});
