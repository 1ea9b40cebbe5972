/** Shopify global ids ("gid://shopify/Order/123") and the decimal ids inside them. */
export function toGid(type: string, id: string | number | bigint): string {
  return `gid://shopify/${type}/${id}`;
}

export function fromGid(gid: string): string {
  const match = /^gid:\/\/shopify\/[A-Za-z]+\/(\d+)/.exec(gid);
  if (!match?.[1]) throw new Error(`Not a Shopify global id: ${gid}`);
  return match[1];
}

/** A numeric id, a decimal string or a gid, as the decimal string we store. */
export function shopifyIdOf(value: string | number | bigint): string {
  if (typeof value === "string" && value.startsWith("gid://")) return fromGid(value);
  const text = String(value);
  if (!/^\d+$/.test(text)) throw new Error(`Not a Shopify id: ${text}`);
  return text;
}

/** The same for ids that arrive from outside (a URL, a token's claim): null when not an id. */
export function shopifyIdOrNull(value: string | null | undefined): string | null {
  try {
    return value ? shopifyIdOf(value) : null;
  } catch {
    return null;
  }
}
