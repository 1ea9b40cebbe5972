import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type Logger } from "pino";

/** What every log line of the current request or job carries. */
export interface LogContext {
  requestId?: string;
  jobId?: string;
  shop?: string;
}

const contextStorage = new AsyncLocalStorage<LogContext>();

const root = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "aftercare" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: {
    paths: [
      "accessToken",
      "*.accessToken",
      "password",
      "*.password",
      "authorization",
      "*.authorization",
    ],
    censor: "[redacted]",
  },
});

/** The logger for the current request or job, carrying its ids. */
export function log(): Logger {
  const context = contextStorage.getStore();
  return context ? root.child(context) : root;
}

export function withLogContext<T>(context: LogContext, run: () => T): T {
  const parent = contextStorage.getStore();
  return contextStorage.run({ ...parent, ...context }, run);
}

/** Adds fields (such as the shop, once known) to the current context. */
export function addLogContext(fields: LogContext) {
  const context = contextStorage.getStore();
  if (context) Object.assign(context, fields);
}
