import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPublicHost, PrivateAddressError, postToPublicHost } from "./public-hosts.server";

/** A receiver on this machine: what an endpoint that resolves inside our network would reach. */
let hits = 0;
const server = createServer((_request, response) => {
  hits += 1;
  response.end("ok");
});
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = { headers: {}, body: "{}", timeoutMs: 5_000, responseLimit: 1024 };

describe("requests to merchants' hosts", () => {
  it("refuses hosts that are or resolve to private addresses when saved", async () => {
    for (const host of [
      "localhost",
      "127.0.0.1",
      "169.254.169.254",
      "[::1]",
      "10.0.0.8",
      "0.0.0.0",
    ]) {
      await expect(checkPublicHost(host), host).rejects.toBeInstanceOf(PrivateAddressError);
    }
    await expect(checkPublicHost("8.8.8.8")).resolves.toBeUndefined();
  });

  it("checks the address it connects to, so a name that resolves inside is refused at delivery", async () => {
    // "localhost" stands for a public name whose DNS answer changed to a private address after it
    // was saved (rebinding): the connection's own lookup refuses it and nothing is sent.
    await expect(
      postToPublicHost(new URL(`http://localhost:${port}/hook`), { ...post, allowPrivate: false }),
    ).rejects.toBeInstanceOf(PrivateAddressError);
    await expect(
      postToPublicHost(new URL(`http://127.0.0.1:${port}/hook`), { ...post, allowPrivate: false }),
    ).rejects.toBeInstanceOf(PrivateAddressError);
    expect(hits).toBe(0);

    // With the tests' and demo's flag, the local receiver is reached.
    const answer = await postToPublicHost(new URL(`http://localhost:${port}/hook`), {
      ...post,
      allowPrivate: true,
    });
    expect(answer).toEqual({ status: 200, body: "ok" });
    expect(hits).toBe(1);
  });
});
