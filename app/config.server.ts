import { z } from "zod";
import { databaseProvider, databaseUrl } from "./platform/db/provider";

/** How often an idle job worker looks for due jobs unless configured otherwise. */
export const DEFAULT_JOBS_POLL_INTERVAL_MS = 1000;

const flag = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    SHOPIFY_API_KEY: z.string().min(1, "the app's client id from the Partner Dashboard"),
    SHOPIFY_API_SECRET: z.string().min(1, "the app's client secret from the Partner Dashboard"),
    SHOPIFY_APP_URL: z.url("the public https URL Shopify reaches the app at"),
    SCOPES: z.string().optional(),
    DATABASE_URL: z.string().optional(),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
    /** Run the job workers inside the web process (the default); `npm run worker` runs them alone. */
    WORKERS_IN_WEB_PROCESS: flag.default(true),
    /** How often an idle embedded-queue worker looks for due jobs. */
    JOBS_POLL_INTERVAL_MS: z.coerce
      .number()
      .int()
      .min(10)
      .max(60_000)
      .default(DEFAULT_JOBS_POLL_INTERVAL_MS),
    /** Embedded queue: how long a running job's claim lasts before a crashed worker's job is retried. */
    JOBS_LEASE_MS: z.coerce.number().int().min(100).default(60_000),
    /** How long a stopping process waits for its running jobs before leaving them to their leases. */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(20_000),
    /** Days a processed or ignored webhook delivery (and its payload) is kept for debugging. */
    WEBHOOK_RETENTION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
    /**
     * Hours a delivery for a shop that has not installed Aftercare waits for the install before it
     * is deleted with its payload (Shopify starts sending at install, before the first visit).
     */
    WEBHOOK_HOLD_HOURS: z.coerce.number().int().min(1).max(168).default(48),
    /**
     * Where a shop's Shopify endpoints live, with `{shop}` for the shop's myshopify domain. Unset in
     * production (https://{shop}); the local stand-in sets it for the demo and the tests.
     */
    SHOPIFY_SHOP_ORIGIN: z
      .string()
      .regex(/^https?:\/\/.*\{shop\}/, "must be an http(s) URL template containing {shop}")
      .optional(),
    /** EasyPost's API base; the stand-in replaces it for the demo and the tests. */
    EASYPOST_API_URL: z.url().default("https://api.easypost.com/v2/"),
    /** Outgoing mail: smtp(s)://user:pass@host:port (smtps: implicit TLS; smtp: STARTTLS when offered). */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "an smtp:// or smtps:// URL")
      .optional(),
    /** The address emails come from; each shop sets the name shown and its reply-to. */
    SMTP_FROM: z.email().default("notifications@aftercare.example.com"),
    /** Where return photos and label PDFs are kept on the app's disk. */
    STORAGE_DIR: z.string().min(1).default("var/storage"),
    /** S3-compatible object storage instead of the disk: all four below are then required. */
    S3_BUCKET: z.string().min(1).optional(),
    S3_ENDPOINT: z
      .url("the bucket service's https URL, e.g. https://s3.eu-west-1.amazonaws.com")
      .optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /**
     * The domain whose mail reaches Mailgun's inbound route for this app (e.g. support.example.com):
     * support replies go out with reply+<signed conversation>@ this domain, and shoppers' answers
     * come back through POST /webhooks/mailgun. Without it, replies carry no reply-to of ours.
     */
    INBOUND_MAIL_DOMAIN: z
      .string()
      .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, "a mail domain, e.g. support.example.com")
      .optional(),
    /** Mailgun's HTTP webhook signing key: inbound mail posts are signed with it. */
    MAILGUN_SIGNING_KEY: z.string().min(1).optional(),
    /** Shopper tracking lookups (storefront page, its JSON, the order-status extension) per minute. */
    TRACKING_LOOKUPS_PER_IP: z.coerce.number().int().min(1).default(30),
    TRACKING_LOOKUPS_PER_SHOP: z.coerce.number().int().min(1).default(6000),
    /** Twilio's REST API base; the stand-in replaces it for the demo and the tests. */
    TWILIO_API_URL: z.url().default("https://api.twilio.com/"),
    /** Klaviyo's API base; the stand-in replaces it for the demo and the tests. */
    KLAVIYO_API_URL: z.url().default("https://a.klaviyo.com"),
    /**
     * Lets merchants' event endpoints and their assistant's language model be on this machine or a
     * private network (loopback, RFC 1918, link-local, unique-local), and plain http on 127.0.0.1
     * or localhost: the stand-in in tests and the demo. Off in production: public https hosts only.
     */
    DESTINATIONS_ALLOW_PRIVATE_HOSTS: flag.default(false),
    /** 32 random bytes in base64 (`openssl rand -base64 32`): seals shops' provider credentials at rest. */
    SECRETS_KEY: z
      .string()
      .refine(
        (value) => Buffer.from(value, "base64").length === 32,
        "32 random bytes in base64 (openssl rand -base64 32)",
      )
      .optional(),
    /**
     * Proxies in front of the app that append to X-Forwarded-For (load balancers): 0 takes the
     * TCP peer as the client. Shopify's App Proxy is counted on its signed routes by itself.
     */
    TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),
    /** Shopper rate-limit budgets in Redis instead of PostgreSQL or process memory. */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "a redis:// or rediss:// URL")
      .optional(),
  })
  .superRefine((env, context) => {
    if (env.TRACKING_LOOKUPS_PER_IP * 10 > env.TRACKING_LOOKUPS_PER_SHOP) {
      context.addIssue({
        code: "custom",
        path: ["TRACKING_LOOKUPS_PER_SHOP"],
        message:
          "must be at least 10 × TRACKING_LOOKUPS_PER_IP, so that one address cannot spend a shop's lookups",
      });
    }
    if (!env.S3_BUCKET) return;
    for (const name of ["S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
      if (!env[name])
        context.addIssue({ code: "custom", path: [name], message: "required with S3_BUCKET" });
    }
  });

export type AppConfig = ReturnType<typeof loadConfig>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Validates the environment once, naming every missing or malformed variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  - ${issue.path.join(".")}: ${issue.message}`,
    );
    throw new ConfigError(
      `Aftercare cannot start: fix these environment variables (see README "Configuration").\n${problems.join("\n")}`,
    );
  }
  const url = databaseUrl(env);
  let provider;
  try {
    provider = databaseProvider(url);
  } catch (error) {
    throw new ConfigError(`Aftercare cannot start: DATABASE_URL: ${(error as Error).message}`);
  }
  const values = parsed.data;
  return {
    ...values,
    databaseUrl: url,
    databaseProvider: provider,
    scopes: values.SCOPES?.split(",")
      .map((scope) => scope.trim())
      .filter(Boolean),
    appUrl: values.SHOPIFY_APP_URL.replace(/\/$/, ""),
  };
}

let cached: AppConfig | undefined;

export function config(): AppConfig {
  cached ??= loadConfig();
  return cached;
}
