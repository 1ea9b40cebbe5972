import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { AwsClient } from "aws4fetch";
import { config } from "../../config.server";

/**
 * Where the app keeps files shoppers send and documents it buys (return photos, label PDFs).
 * Keys are chosen by the app (never by the client) and scoped by shop. Local disk by default;
 * S3-compatible object storage (AWS S3, R2, MinIO…) when S3_BUCKET is configured.
 */
export interface FileStorage {
  readonly kind: string;
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/i;

function checkedKey(key: string): string {
  if (!SAFE_KEY.test(key) || key.includes("..")) throw new Error(`Unsafe storage key: ${key}`);
  return key;
}

/** Files under a directory on the app's own disk: the default for one-machine deployments. */
export function localDiskStorage(root: string): FileStorage {
  const fileOf = (key: string) => path.join(root, checkedKey(key));
  return {
    kind: "local",
    async put(key, bytes) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes);
    },
    async get(key) {
      try {
        return await readFile(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async remove(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}

export interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** Objects in a bucket, addressed path-style so any S3-compatible service works. */
export function s3Storage(settings: S3Settings, send: typeof fetch = fetch): FileStorage {
  const client = new AwsClient({
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    region: settings.region,
    service: "s3",
    retries: 3,
  });
  const urlOf = (key: string) =>
    `${settings.endpoint.replace(/\/$/, "")}/${settings.bucket}/${checkedKey(key)}`;
  const call = async (key: string, init: RequestInit) => {
    const response = await send(await client.sign(urlOf(key), init));
    if (!response.ok && response.status !== 404) {
      throw new Error(`S3 ${init.method} ${key}: ${response.status} ${await response.text()}`);
    }
    return response;
  };
  return {
    kind: "s3",
    async put(key, bytes, contentType) {
      await call(key, {
        method: "PUT",
        body: new Uint8Array(bytes),
        headers: { "Content-Type": contentType },
      });
    },
    async get(key) {
      const response = await call(key, { method: "GET" });
      return response.status === 404 ? null : Buffer.from(await response.arrayBuffer());
    },
    async remove(key) {
      await call(key, { method: "DELETE" });
    },
  };
}

let storage: FileStorage | null = null;

export function fileStorage(): FileStorage {
  const settings = config();
  storage ??= settings.S3_BUCKET
    ? s3Storage({
        endpoint: settings.S3_ENDPOINT!,
        bucket: settings.S3_BUCKET,
        region: settings.S3_REGION,
        accessKeyId: settings.S3_ACCESS_KEY_ID!,
        secretAccessKey: settings.S3_SECRET_ACCESS_KEY!,
      })
    : localDiskStorage(path.resolve(settings.STORAGE_DIR));
  return storage;
}
