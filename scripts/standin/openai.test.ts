import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenOpenAiStandin } from "./openai";

/**
 * The Chat Completions stand-in refuses what OpenAI refuses (platform.openai.com: "Create chat
 * completion" and the error codes guide), so the app cannot pass against it with a request the
 * real API would reject.
 */
let standin: Awaited<ReturnType<typeof listenOpenAiStandin>>;
let key = "";

beforeAll(async () => {
  standin = await listenOpenAiStandin();
  key = standin.openai.createKey();
});
afterAll(() => standin.close());

const BODY = {
  model: "gpt-4o-mini",
  messages: [
    { role: "system", content: 'Answer in JSON: {"intent": "…"}' },
    { role: "user", content: "where is my parcel" },
  ],
  response_format: { type: "json_object" },
};

/** OpenAI's answers: a completion, or `{ error: { message, type, param, code } }`. */
interface ApiAnswer {
  id?: string;
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
  error?: { message: string; type: string; param: string | null; code: string | null };
}

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${standin.baseUrl}/chat/completions`, {
    method: "POST",
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as ApiAnswer };
}

describe("OpenAI Chat Completions stand-in", () => {
  it("answers a chat.completion with one choice from the scripted model", async () => {
    standin.openai.reply = (question) => JSON.stringify({ intent: `echo ${question}` });
    const { status, json } = await post(BODY);
    expect(status).toBe(200);
    expect(json).toMatchObject({
      object: "chat.completion",
      model: "gpt-4o-mini",
      choices: [
        {
          index: 0,
          finish_reason: "stop",
          message: { role: "assistant", content: '{"intent":"echo where is my parcel"}' },
        },
      ],
    });
    expect(json.id).toMatch(/^chatcmpl-/);
    expect(json.usage!.total_tokens).toBe(
      json.usage!.prompt_tokens + json.usage!.completion_tokens,
    );
  });

  it("answers 401 without a bearer key and with a wrong one", async () => {
    const missing = await post(BODY, { Authorization: "" });
    expect(missing.status).toBe(401);
    expect(missing.json.error!.message).toMatch(/didn't provide an API key/);
    const wrong = await post(BODY, { Authorization: "Bearer sk-not-a-key" });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error).toMatchObject({
      type: "invalid_request_error",
      code: "invalid_api_key",
    });
  });

  it("answers 400 on a malformed body, naming the parameter", async () => {
    expect((await post("{not json")).status).toBe(400);
    const noModel = await post({ messages: BODY.messages });
    expect([noModel.status, noModel.json.error!.param]).toEqual([400, "model"]);
    const noMessages = await post({ model: "gpt-4o-mini", messages: [] });
    expect([noMessages.status, noMessages.json.error!.param]).toEqual([400, "messages"]);
    const badRole = await post({ ...BODY, messages: [{ role: "shopper", content: "hi" }] });
    expect([badRole.status, badRole.json.error!.param]).toEqual([400, "messages[0].role"]);
    const unknown = await post({ ...BODY, temprature: 0 });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error!.message).toMatch(
      /Unrecognized request argument supplied: temprature/,
    );
  });

  it("refuses JSON mode unless a message asks for JSON, as OpenAI does", async () => {
    const { status, json } = await post({
      ...BODY,
      messages: [{ role: "user", content: "where is my parcel" }],
    });
    expect(status).toBe(400);
    expect(json.error!.message).toMatch(/must contain the word 'json'/);
  });

  it("answers 404 model_not_found for a model it does not serve", async () => {
    const { status, json } = await post({ ...BODY, model: "gpt-nonexistent" });
    expect([status, json.error!.code]).toEqual([404, "model_not_found"]);
  });
});
