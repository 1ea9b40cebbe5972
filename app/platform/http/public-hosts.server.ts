import { lookup as dnsLookup } from "node:dns";
import { lookup as resolveAll } from "node:dns/promises";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { classifyAddress, isPublicAddress } from "./addresses";

/**
 * Requests to URLs a merchant typed (their event endpoints) must not reach this machine, our
 * private network or the cloud metadata service (SSRF). The host is checked when the URL is saved
 * and again on every connection, on the address actually connected to, so a DNS answer that
 * changes after the save (rebinding) cannot get around it.
 */
export class PrivateAddressError extends Error {
  override name = "PrivateAddressError";
}

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, "");

function refuse(hostname: string, address: string) {
  return new PrivateAddressError(
    `${hostname} is ${address}, a ${classifyAddress(address)} address our servers do not call`,
  );
}

/** Refuses a host that is, or resolves to, any address that is not public. */
export async function checkPublicHost(hostname: string): Promise<void> {
  const host = bare(hostname);
  const addresses = isIP(host)
    ? [host]
    : (await resolveAll(host, { all: true })).map((entry) => entry.address);
  const refused = addresses.find((address) => !isPublicAddress(address));
  if (refused) throw refuse(hostname, refused);
}

/** The socket's DNS lookup, refusing every answer that is not a public address. */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, options, (error, address, family) => {
    if (error) return callback(error, address, family);
    const answers = Array.isArray(address) ? address.map((entry) => entry.address) : [address];
    const refused = answers.find((answer) => !isPublicAddress(answer));
    if (refused) return callback(refuse(hostname, refused), address, family);
    callback(null, address, family);
  });
};

export interface GuardedPost {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Bytes of the answer kept; the rest is not read. */
  responseLimit: number;
  /** Tests and the demo deliver to receivers on this machine. */
  allowPrivate: boolean;
}

export class RequestTimeoutError extends Error {
  override name = "TimeoutError";
}

/** POSTs to a merchant's URL without following redirects; answers its status and the start of its body. */
export async function postToPublicHost(
  url: URL,
  post: GuardedPost,
): Promise<{ status: number; body: string }> {
  const host = bare(url.hostname);
  // A literal address is connected to without a lookup: it is checked here instead.
  if (!post.allowPrivate && isIP(host) && !isPublicAddress(host)) throw refuse(url.hostname, host);
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, {
      method: "POST",
      headers: { ...post.headers, "Content-Length": String(Buffer.byteLength(post.body)) },
      agent: false,
      ...(post.allowPrivate ? {} : { lookup: publicOnlyLookup }),
    });
    const timer = setTimeout(() => {
      request.destroy(new RequestTimeoutError(`timed out after ${post.timeoutMs / 1000} s`));
    }, post.timeoutMs);
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => {
        clearTimeout(timer);
        response.destroy();
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).subarray(0, post.responseLimit).toString("utf8"),
        });
      };
      response.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= post.responseLimit) finish();
      });
      response.on("end", finish);
      response.on("error", finish);
    });
    request.end(post.body);
  });
}
