import { randomBytes } from "node:crypto";
import { config } from "../config.server";
import { db } from "../db.server";
import { openSecret, sealSecret, secretKeyFromBase64 } from "../platform/crypto/secret-box.server";
import { isEventType, type EventType } from "../platform/events/catalog";
import { checkPublicHost, PrivateAddressError } from "../platform/http/public-hosts.server";
import { klaviyo } from "./klaviyo.server";

/** A change the merchant asked for that we refuse, with the reason shown next to the field. */
export class DestinationInputError extends Error {
  override name = "DestinationInputError";
  constructor(
    readonly field: "url" | "eventTypes" | "apiKey" | "secretsKey",
    message: string,
    /** The page's own words for the problem, when it has them (in the admin's language). */
    readonly messageKey?: "privateHost",
  ) {
    super(message);
  }
}

function secretsKey() {
  const encoded = config().SECRETS_KEY;
  if (!encoded) {
    throw new DestinationInputError(
      "secretsKey",
      "SECRETS_KEY is not set: secrets cannot be sealed",
    );
  }
  return secretKeyFromBase64(encoded);
}

export const sealDestinationSecret = (plain: string) => sealSecret(plain, secretsKey());
export const openDestinationSecret = (sealed: string) => openSecret(sealed, secretsKey());

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * https to a public host only; plain http to this machine, and private hosts, for the stand-in's
 * receivers (DESTINATIONS_ALLOW_PRIVATE_HOSTS). Each delivery checks the address again.
 */
export async function checkEndpointUrl(input: string): Promise<string> {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new DestinationInputError("url", "Enter a full URL starting with https://");
  }
  const { DESTINATIONS_ALLOW_PRIVATE_HOSTS: allowPrivate } = config();
  const localHttp = url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname) && allowPrivate;
  if (url.protocol !== "https:" && !localHttp) {
    throw new DestinationInputError("url", "The URL must start with https://");
  }
  if (url.username || url.password) {
    throw new DestinationInputError("url", "Put no user name or password in the URL");
  }
  if (!allowPrivate) {
    try {
      await checkPublicHost(url.hostname);
    } catch (error) {
      const message =
        error instanceof PrivateAddressError
          ? error.message
          : `${url.hostname} could not be resolved`;
      throw new DestinationInputError("url", message, "privateHost");
    }
  }
  return url.toString();
}

export function checkEventTypes(input: string[]): EventType[] {
  const types = [...new Set(input)].filter(isEventType);
  if (!types.length || types.length !== new Set(input).size) {
    throw new DestinationInputError("eventTypes", "Choose at least one event");
  }
  return types;
}

/** The destinations a merchant sets up; Shopify Flow's is the app's own (./shopify-flow.server). */
export const MERCHANTS = { kind: { in: ["webhook", "klaviyo"] } };

export const splitEventTypes = (stored: string) => stored.split(",").filter(isEventType);

export interface EndpointView {
  id: string;
  kind: "webhook" | "klaviyo";
  url: string | null;
  eventTypes: EventType[];
  enabled: boolean;
  disabledReason: string | null;
  failingSince: Date | null;
  createdAt: Date;
}

function view(row: {
  id: string;
  kind: string;
  url: string | null;
  eventTypes: string;
  enabled: boolean;
  disabledReason: string | null;
  failingSince: Date | null;
  createdAt: Date;
}): EndpointView {
  return {
    id: row.id,
    kind: row.kind === "klaviyo" ? "klaviyo" : "webhook",
    url: row.url,
    eventTypes: splitEventTypes(row.eventTypes),
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    failingSince: row.failingSince,
    createdAt: row.createdAt,
  };
}

/** The shop's destinations, never with their secrets. */
export async function listDestinations(shopDomain: string): Promise<EndpointView[]> {
  const rows = await db.destinationEndpoint.findMany({
    // Shopify Flow's destination is the app's own, not one the merchant set up.
    where: { shopDomain, ...MERCHANTS },
    orderBy: { createdAt: "asc" },
  });
  return rows.map(view);
}

export async function getDestination(shopDomain: string, id: string) {
  const row = await db.destinationEndpoint.findFirst({ where: { id, shopDomain, ...MERCHANTS } });
  return row && view(row);
}

/**
 * A new endpoint and its signing secret: the secret is returned here once and only sealed after,
 * so a leaked database or admin page never shows it again; a lost secret means a new endpoint.
 */
export async function createEndpoint(
  shopDomain: string,
  input: { url: string; eventTypes: string[] },
) {
  const url = await checkEndpointUrl(input.url);
  const eventTypes = checkEventTypes(input.eventTypes);
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  const row = await db.destinationEndpoint.create({
    data: {
      shopDomain,
      kind: "webhook",
      url,
      eventTypes: eventTypes.join(","),
      sealedSecret: sealDestinationSecret(secret),
    },
  });
  return { endpoint: view(row), secret };
}

/** Changes URL, events or the on/off switch; turning it on again forgets the failing streak. */
export async function updateEndpoint(
  shopDomain: string,
  id: string,
  input: { url?: string; eventTypes: string[]; enabled: boolean },
) {
  const existing = await db.destinationEndpoint.findFirst({
    where: { id, shopDomain, ...MERCHANTS },
  });
  if (!existing) return null;
  const row = await db.destinationEndpoint.update({
    where: { id },
    data: {
      ...(existing.kind === "webhook" && input.url !== undefined
        ? { url: await checkEndpointUrl(input.url) }
        : {}),
      eventTypes: checkEventTypes(input.eventTypes).join(","),
      enabled: input.enabled,
      ...(input.enabled ? { disabledReason: null, failingSince: null } : {}),
    },
  });
  return view(row);
}

/** Removes a destination and its deliveries' history. */
export async function deleteDestination(shopDomain: string, id: string) {
  const { count } = await db.destinationEndpoint.deleteMany({
    where: { id, shopDomain, ...MERCHANTS },
  });
  return count > 0;
}

/**
 * Connects (or re-keys) the shop's Klaviyo account after Klaviyo accepted the key on a cheap
 * read, so a typo is caught on save rather than by a pile of failed deliveries.
 */
export async function connectKlaviyo(
  shopDomain: string,
  input: { apiKey: string; eventTypes: string[] },
) {
  const apiKey = input.apiKey.trim();
  const eventTypes = checkEventTypes(input.eventTypes);
  if (!/^pk_[A-Za-z0-9]+$/.test(apiKey)) {
    throw new DestinationInputError("apiKey", "A Klaviyo private API key starts with pk_");
  }
  const answer = await klaviyo(apiKey)
    .checkKey()
    .catch(() => null);
  if (!answer || answer.status === 401 || answer.status === 403) {
    throw new DestinationInputError(
      "apiKey",
      answer ? "Klaviyo refused this key" : "Klaviyo could not be reached; try again",
    );
  }
  if (answer.status >= 300) {
    throw new DestinationInputError("apiKey", `Klaviyo answered ${answer.status}; try again`);
  }
  const data = {
    eventTypes: eventTypes.join(","),
    sealedSecret: sealDestinationSecret(apiKey),
    enabled: true,
    disabledReason: null,
    failingSince: null,
  };
  const existing = await db.destinationEndpoint.findFirst({
    where: { shopDomain, kind: "klaviyo" },
  });
  const row = existing
    ? await db.destinationEndpoint.update({ where: { id: existing.id }, data })
    : await db.destinationEndpoint.create({ data: { shopDomain, kind: "klaviyo", ...data } });
  return view(row);
}
