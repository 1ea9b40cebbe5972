import { sessionToken, signAppProxyQuery } from "../../scripts/standin/signing";
import { BROWSER_UA, TEST_API_KEY, TEST_API_SECRET } from "../../tests/support/constants";
import { processTreeCpuSeconds } from "./cpu";
import { percentile, type LoadResult } from "./load";

/**
 * Simulated storefront chats speaking the widget's protocol (extensions/tracking-theme/assets/
 * chat.js) and a simulated merchant speaking the inbox's: each shopper opens a conversation
 * through the App Proxy, follows its Server-Sent Events stream and posts messages; the merchant
 * follows the shop's inbox stream and answers each shopper message the moment it shows there.
 * A round trip is what a shopper waits for: from posting a message to the team's answer to it
 * arriving on the shopper's stream.
 */
export interface ChatLoadOptions {
  baseUrl: string;
  shop: string;
  /** The seeded orders, one per conversation: the number and e-mail the shopper types. */
  orders: { name: string; email: string }[];
  /** Measured after every conversation completed its first round trip. */
  windowMs: number;
  /** A shopper posts at most once per this many ms (the app's per-shopper budgets allow it). */
  minIntervalMs: number;
  /** A round trip not completed by then counts as an error. */
  timeoutMs: number;
  serverPid: number;
}

export interface ChatLoadResult extends LoadResult {
  /** Conversations that could not open (their shopper takes no part in the load). */
  openErrors: number;
  /** Merchant replies the app refused or failed. */
  replyErrors: number;
  /** This process's CPU per answered message: whether the simulated clients held the load back. */
  clientCpuMsPerMessage: number;
}

interface Stream {
  opened: Promise<number>;
  close(): void;
}

/** Reads a Server-Sent Events response as EventSource does, handing each event to `onEvent`. */
function openStream(
  url: string,
  headers: Record<string, string>,
  onEvent: (event: string, data: string) => void,
): Stream {
  const stop = new AbortController();
  const opened = fetch(url, {
    headers: { Accept: "text/event-stream", "User-Agent": BROWSER_UA, ...headers },
    signal: stop.signal,
  }).then((response) => {
    if (response.status !== 200 || !response.body) return response.status;
    void (async () => {
      let pending = "";
      try {
        const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          pending += value;
          const events = pending.split("\n\n");
          pending = events.pop() ?? "";
          for (const block of events) {
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data) onEvent(event, data);
          }
        }
      } catch {
        // Closed by the bench.
      }
    })();
    return 200;
  });
  return { opened, close: () => stop.abort() };
}

/** The widget's POST to https://{shop}/apps/aftercare/chat as the App Proxy forwards it. */
async function widgetRequest(options: ChatLoadOptions, address: string, body: unknown) {
  const signed = signAppProxyQuery(new URLSearchParams(), {
    shop: options.shop,
    pathPrefix: "/apps/aftercare",
    secret: TEST_API_SECRET,
  });
  const response = await fetch(`${options.baseUrl}/proxy/chat?${signed}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "Accept-Language": "en",
      "User-Agent": BROWSER_UA,
      "X-Forwarded-For": address,
    },
    body: JSON.stringify(body),
  });
  const json = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  return { status: response.status, json };
}

/** The merchant's session token, as App Bridge gives the embedded admin page (one a minute). */
const adminToken = (shop: string) =>
  sessionToken({ shop, apiKey: TEST_API_KEY, secret: TEST_API_SECRET });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export async function runChatLoad(options: ChatLoadOptions): Promise<ChatLoadResult> {
  const { baseUrl, shop } = options;
  const streams: Stream[] = [];
  let replyErrors = 0;

  // The merchant: the inbox stream names each conversation that changed. Per conversation the
  // changes come in pairs after its opening (a shopper message, then the reply to it), so every
  // second one is a message to answer, and by then that message is stored.
  const changes = new Map<string, number>();
  const inbox = openStream(
    `${baseUrl}/app/support/inbox/events`,
    { Authorization: `Bearer ${adminToken(shop)}` },
    (event, data) => {
      if (event !== "conversation") return;
      const { id } = JSON.parse(data) as { id: string };
      const count = (changes.get(id) ?? 0) + 1;
      changes.set(id, count);
      if (count % 2 === 1) return;
      void fetch(`${baseUrl}/app/support/inbox/${id}.data`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${adminToken(shop)}`,
          "Content-Type": "application/x-www-form-urlencoded",
          "User-Agent": BROWSER_UA,
        },
        body: new URLSearchParams({ intent: "reply", body: `On it (${count / 2})` }),
      })
        .then(async (response) => {
          await response.arrayBuffer();
          if (response.status !== 200) replyErrors++;
        })
        .catch(() => replyErrors++);
    },
  );
  streams.push(inbox);
  if ((await inbox.opened) !== 200)
    throw new Error(`the inbox stream answered ${await inbox.opened}`);

  // The shoppers: each its own address, as each a browser of its own.
  let openErrors = 0;
  const shoppers = (
    await Promise.all(
      options.orders.map(async (order, index) => {
        const address = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
        try {
          const opened = await widgetRequest(options, address, {
            intent: "contact",
            order: order.name,
            email: order.email,
            question: "",
            answer: "human",
            message: "Hello, a question about my order",
          });
          const token = opened.json?.token;
          const messages = opened.json?.messages as { at: string }[] | undefined;
          if (opened.status !== 200 || typeof token !== "string" || !messages?.length) {
            throw new Error(`contact answered ${opened.status}`);
          }
          const waiting = new Map<number, () => void>();
          const stream = new URL(String(opened.json!.stream), baseUrl);
          stream.searchParams.set("since", String(Date.parse(messages.at(-1)!.at)));
          const live = openStream(
            `${baseUrl}${stream.pathname}${stream.search}`,
            { Origin: `https://${shop}`, "X-Forwarded-For": address },
            (event, data) => {
              const message = JSON.parse(data) as { author: string; body: string };
              const turn = Number(/\((\d+)\)$/.exec(message.body)?.[1]);
              if (event === "message" && message.author === "merchant") waiting.get(turn)?.();
            },
          );
          streams.push(live);
          if ((await live.opened) !== 200) throw new Error("the stream did not open");
          return { address, token, waiting, turn: 0 };
        } catch {
          openErrors++;
          return null;
        }
      }),
    )
  ).filter((shopper) => shopper !== null);

  const statuses: Record<number, number> = {};
  /** One message and the wait for its answer: the round trip's ms, or null when it failed. */
  const roundTrip = async (shopper: (typeof shoppers)[number]): Promise<number | null> => {
    const turn = ++shopper.turn;
    const started = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const answered = new Promise<boolean>((resolve) => {
      shopper.waiting.set(turn, () => resolve(true));
      timer = setTimeout(() => resolve(false), options.timeoutMs);
    });
    const posted = await widgetRequest(options, shopper.address, {
      intent: "send",
      token: shopper.token,
      message: `Where is my parcel? (${turn})`,
    }).catch(() => ({ status: 0 }));
    statuses[posted.status] = (statuses[posted.status] ?? 0) + 1;
    const ok = posted.status === 200 && (await answered);
    clearTimeout(timer);
    shopper.waiting.delete(turn);
    return ok ? performance.now() - started : null;
  };

  try {
    await Promise.all(shoppers.map(roundTrip));
    for (const key of Object.keys(statuses)) delete statuses[Number(key)];
    replyErrors = 0;

    const latencies: number[] = [];
    let errors = 0;
    const cpuAtStart = processTreeCpuSeconds(options.serverPid);
    const clientCpuAtStart = process.cpuUsage();
    const windowStart = performance.now();
    const windowEnd = windowStart + options.windowMs;
    let lastAnswer = windowStart;
    await Promise.all(
      shoppers.map(async (shopper) => {
        for (let next = windowStart; next < windowEnd;) {
          await sleep(next - performance.now());
          next = performance.now() + options.minIntervalMs;
          const ms = await roundTrip(shopper);
          if (ms === null) errors++;
          else latencies.push(ms);
          lastAnswer = Math.max(lastAnswer, performance.now());
        }
      }),
    );
    const cpuAtEnd = processTreeCpuSeconds(options.serverPid);
    const clientCpu = process.cpuUsage(clientCpuAtStart);
    const seconds = (lastAnswer - windowStart) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      requests: latencies.length + errors,
      errors,
      seconds,
      throughput: latencies.length / seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      statuses,
      openErrors,
      replyErrors,
      clientCpuMsPerMessage: (clientCpu.user + clientCpu.system) / 1000 / latencies.length,
      ...(cpuAtStart !== null && cpuAtEnd !== null && latencies.length
        ? { cpuMsPerRequest: ((cpuAtEnd - cpuAtStart) * 1000) / latencies.length }
        : {}),
    };
  } finally {
    for (const stream of streams) stream.close();
  }
}
