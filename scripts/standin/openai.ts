import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An OpenAI-compatible Chat Completions API as the stand-in plays it, as strict as OpenAI's
 * (platform.openai.com/docs/api-reference/chat/create and …/docs/guides/error-codes):
 * `POST /v1/chat/completions` with `Authorization: Bearer <key>` (401 without one, 401
 * `invalid_api_key` with an unknown one), a JSON body (400 when it does not parse), `model` and a
 * non-empty `messages` of `{ role, content }` (400 naming the `param`), 404 `model_not_found` for
 * a model it does not serve, 400 for an unrecognized argument, and JSON mode
 * (`response_format: { type: "json_object" }`) refused unless a message mentions JSON, as OpenAI
 * does. Errors are OpenAI's `{ error: { message, type, param, code } }`; a completion is a
 * `chat.completion` object with one choice. What "the model" answers is up to the test.
 */

export interface ChatCompletionRequest {
  apiKey: string;
  body: unknown;
  /** What the stand-in answered. */
  status: number;
}

interface Answer {
  status: number;
  body: unknown;
}

const ROLES = new Set(["system", "developer", "user", "assistant", "tool"]);
/** The request arguments the stand-in knows; OpenAI refuses any other. */
const ARGUMENTS = new Set([
  "model",
  "messages",
  "response_format",
  "temperature",
  "top_p",
  "n",
  "max_tokens",
  "max_completion_tokens",
  "seed",
  "stop",
  "stream",
  "user",
  "store",
  "metadata",
  "frequency_penalty",
  "presence_penalty",
  "logit_bias",
  "logprobs",
  "top_logprobs",
  "tools",
  "tool_choice",
  "parallel_tool_calls",
  "reasoning_effort",
  "service_tier",
]);

function error(
  status: number,
  message: string,
  type: string,
  param: string | null = null,
  code: string | null = null,
): Answer {
  return { status, body: { error: { message, type, param, code } } };
}

const invalid = (message: string, param: string | null, code: string | null = null) =>
  error(400, message, "invalid_request_error", param, code);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Text of a message's content: a string, or an array of `{ type: "text", text }` parts. */
function contentText(content: unknown): string | null {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return null;
  const parts = content.map((part) =>
    isObject(part) && part.type === "text" && typeof part.text === "string" ? part.text : null,
  );
  return parts.every((part) => part !== null) ? parts.join("") : null;
}

export class OpenAiStandin {
  readonly keys = new Set<string>();
  readonly models = new Set(["gpt-4o-mini"]);
  readonly requests: ChatCompletionRequest[] = [];
  /** "The model": what it answers to the last user message. */
  reply: (userText: string) => string = () => JSON.stringify({ intent: "none" });
  /** Milliseconds before answering (a slow model). */
  delayMs = 0;
  /** Answer every completion with this instead (a failing service), e.g. 500 or 429. */
  failWith: number | null = null;

  /** Back to a prompt model that finds no intent, forgetting the requests seen (between tests). */
  resetBehaviour() {
    this.reply = () => JSON.stringify({ intent: "none" });
    this.delayMs = 0;
    this.failWith = null;
    this.requests.length = 0;
  }

  createKey(): string {
    const key = `sk-standin-${randomBytes(18).toString("base64url")}`;
    this.keys.add(key);
    return key;
  }

  handle(authorization: string | undefined, raw: string): Answer {
    const bearer = /^Bearer (\S+)$/.exec(authorization ?? "")?.[1];
    if (!bearer) {
      return error(
        401,
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
        "invalid_request_error",
      );
    }
    if (!this.keys.has(bearer)) {
      return error(
        401,
        `Incorrect API key provided: ${bearer.slice(0, 3)}***${bearer.slice(-4)}.`,
        "invalid_request_error",
        null,
        "invalid_api_key",
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return invalid(
        "We could not parse the JSON body of your request. The OpenAI API expects a JSON payload.",
        null,
      );
    }
    if (!isObject(body)) return invalid("The request body must be a JSON object.", null);
    const unknown = Object.keys(body).find((key) => !ARGUMENTS.has(key));
    if (unknown) return invalid(`Unrecognized request argument supplied: ${unknown}`, null);
    if (typeof body.model !== "string" || !body.model) {
      return invalid("you must provide a model parameter", "model");
    }
    if (!Array.isArray(body.messages) || body.messages.length === 0) {
      return invalid(
        `${JSON.stringify(body.messages ?? null)} is too short - 'messages'`,
        "messages",
        "empty_array",
      );
    }
    const texts: { role: string; text: string }[] = [];
    for (const [index, message] of body.messages.entries()) {
      if (!isObject(message) || typeof message.role !== "string" || !ROLES.has(message.role)) {
        return invalid(
          `Invalid value for 'messages[${index}].role': expected one of 'system', 'developer', 'user', 'assistant' or 'tool'.`,
          `messages[${index}].role`,
          "invalid_value",
        );
      }
      const text = contentText(message.content);
      if (text === null) {
        return invalid(
          `Invalid type for 'messages[${index}].content': expected a string or an array of text parts.`,
          `messages[${index}].content`,
          "invalid_type",
        );
      }
      texts.push({ role: message.role, text });
    }
    const format = body.response_format;
    if (format !== undefined) {
      if (
        !isObject(format) ||
        !["text", "json_object", "json_schema"].includes(String(format.type))
      ) {
        return invalid(
          "Invalid value for 'response_format.type': expected 'text', 'json_object' or 'json_schema'.",
          "response_format.type",
          "invalid_value",
        );
      }
      if (format.type === "json_object" && !texts.some(({ text }) => /json/i.test(text))) {
        return invalid(
          "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
          "messages",
        );
      }
    }
    if (!this.models.has(body.model)) {
      return error(
        404,
        `The model \`${body.model}\` does not exist or you do not have access to it.`,
        "invalid_request_error",
        null,
        "model_not_found",
      );
    }
    if (this.failWith === 429) {
      return error(
        429,
        "Rate limit reached for requests.",
        "requests",
        null,
        "rate_limit_exceeded",
      );
    }
    if (this.failWith !== null) {
      return error(
        this.failWith,
        "The server had an error while processing your request.",
        "server_error",
      );
    }
    const question = texts.filter(({ role }) => role === "user").at(-1)?.text ?? "";
    const content = this.reply(question);
    const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
    const promptTokens = texts.reduce((sum, { text }) => sum + words(text), 0);
    return {
      status: 200,
      body: {
        id: `chatcmpl-${randomBytes(12).toString("base64url")}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [
          {
            index: 0,
            message: { role: "assistant", content, refusal: null, annotations: [] },
            logprobs: null,
            finish_reason: "stop",
          },
        ],
        usage: {
          prompt_tokens: promptTokens,
          completion_tokens: words(content),
          total_tokens: promptTokens + words(content),
        },
        system_fingerprint: null,
      },
    };
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** `path` below the API's base (`v1/chat/completions`). */
export async function serveOpenAi(
  openai: OpenAiStandin,
  request: IncomingMessage,
  response: ServerResponse,
  path: string[],
) {
  const raw = await readBody(request);
  let answer: Answer;
  if (path.join("/") !== "v1/chat/completions") {
    answer = error(
      404,
      `Invalid URL (${request.method} /${path.join("/")})`,
      "invalid_request_error",
    );
  } else if (request.method !== "POST") {
    answer = error(
      405,
      `Invalid method for URL (${request.method} /${path.join("/")})`,
      "invalid_request_error",
    );
  } else {
    answer = openai.handle(request.headers.authorization, raw);
  }
  let body: unknown = raw;
  try {
    body = JSON.parse(raw);
  } catch {
    // recorded as sent
  }
  openai.requests.push({
    apiKey: (request.headers.authorization ?? "").replace(/^Bearer /, ""),
    body,
    status: answer.status,
  });
  if (openai.delayMs) await new Promise((resolve) => setTimeout(resolve, openai.delayMs));
  if (response.destroyed) return;
  response.writeHead(answer.status, { "Content-Type": "application/json" });
  response.end(JSON.stringify(answer.body));
}

/** The Chat Completions API alone on its own port (unit tests): its base URL ends in /v1. */
export async function listenOpenAiStandin(openai = new OpenAiStandin()) {
  const server = createServer((request, response) => {
    const parts = new URL(request.url ?? "/", "http://localhost").pathname
      .split("/")
      .filter(Boolean);
    serveOpenAi(openai, request, response, parts).catch((failure: Error) => {
      response.writeHead(500);
      response.end(failure.message);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    openai,
    baseUrl: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
