import { mkdtempSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDiskStorage, s3Storage, type FileStorage } from "./storage.server";

/** An S3-compatible service at the HTTP boundary: objects by path, requests recorded. */
const objects = new Map<string, { body: Buffer; type: string }>();
const requests: { method: string; url: string; authorization: string; sha: string }[] = [];
const server = createServer(async (request: IncomingMessage, response) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  requests.push({
    method: request.method!,
    url: request.url!,
    authorization: String(request.headers.authorization),
    sha: String(request.headers["x-amz-content-sha256"]),
  });
  const found = objects.get(request.url!);
  if (request.method === "PUT") {
    objects.set(request.url!, {
      body: Buffer.concat(chunks),
      type: String(request.headers["content-type"]),
    });
    return response.writeHead(200).end();
  }
  if (request.method === "DELETE") {
    objects.delete(request.url!);
    return response.writeHead(204).end();
  }
  if (!found) return response.writeHead(404).end("<Error><Code>NoSuchKey</Code></Error>");
  response.writeHead(200, { "Content-Type": found.type }).end(found.body);
});
let endpoint = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const backends: [string, () => FileStorage][] = [
  ["local disk", () => localDiskStorage(mkdtempSync(path.join(os.tmpdir(), "storage-test-")))],
  [
    "S3-compatible",
    () =>
      s3Storage({
        endpoint,
        bucket: "returns",
        region: "eu-west-1",
        accessKeyId: "AKIDEXAMPLE",
        secretAccessKey: "secret",
      }),
  ],
];

describe.each(backends)("file storage on %s", (_name, create) => {
  it("keeps, returns and removes files by key", async () => {
    const storage = create();
    const bytes = new Uint8Array([1, 2, 3, 255]);
    await storage.put("returns/shop.myshopify.com/r1/photo.jpg", bytes, "image/jpeg");
    expect(await storage.get("returns/shop.myshopify.com/r1/photo.jpg")).toEqual(
      Buffer.from(bytes),
    );
    await storage.remove("returns/shop.myshopify.com/r1/photo.jpg");
    expect(await storage.get("returns/shop.myshopify.com/r1/photo.jpg")).toBeNull();
    expect(await storage.get("returns/never-written.jpg")).toBeNull();
  });

  it("refuses keys that would leave its folder", async () => {
    const storage = create();
    await expect(storage.put("../etc/passwd", new Uint8Array([1]), "text/plain")).rejects.toThrow(
      "Unsafe storage key",
    );
    await expect(storage.get("/absolute")).rejects.toThrow("Unsafe storage key");
  });
});

describe("S3 requests", () => {
  it("are path-style and signed with AWS Signature Version 4 for the bucket's region", () => {
    const put = requests.find((request) => request.method === "PUT")!;
    expect(put.url).toBe("/returns/returns/shop.myshopify.com/r1/photo.jpg");
    expect(put.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/s3\/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/,
    );
    // S3 accepts an unsigned payload over TLS; the headers and path are what is signed.
    expect(put.sha).toBe("UNSIGNED-PAYLOAD");
  });
});
