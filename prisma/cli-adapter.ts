import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { databaseProvider, postgresConnectionFields } from "../app/platform/db/provider";

/** The driver adapter the Prisma CLI migrates with (not the one the app queries with). */
export async function migrationAdapter(
  url: string,
): Promise<SqlMigrationAwareDriverAdapterFactory> {
  return databaseProvider(url) === "sqlite" ? sqliteAdapter(url) : postgresAdapter(url);
}

/**
 * libsql's own shadow database is ":memory:", which loses the applied migrations between
 * statements; a throw-away file keeps them.
 */
function sqliteAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaLibSQL({ url });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    connectToShadowDb: async () => {
      const file = path.join(os.tmpdir(), `prisma-shadow-${crypto.randomUUID()}.sqlite`);
      const shadow = await new PrismaLibSQL({ url: `file:${file}` }).connect();
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await rm(file, { force: true });
      };
      return shadow;
    },
  };
}

/**
 * PostgreSQL needs three repairs for the CLI:
 * - introspection returns `name` (oid 19) and `"char"` (oid 18) columns the adapter cannot map;
 *   they are text, so they are reported as text (25);
 * - the shadow database must be its own database, so the pool gets separate fields rather than
 *   a connection string;
 * - the shadow database can only be dropped once its pool is closed.
 */
function postgresAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  const fields = {
    ...postgresConnectionFields(url),
    allowExitOnIdle: true,
    idleTimeoutMillis: 200,
  };
  const factory = new PrismaPg(fields);
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => withTextNames(await factory.connect()),
    connectToShadowDb: async () => {
      const admin = await factory.connect();
      const database = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
      await admin.executeScript(`CREATE DATABASE "${database}"`);
      const shadowPool = new pg.Pool({ ...fields, database });
      const shadow = await new PrismaPg(shadowPool).connect();
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await shadowPool.end();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
        await admin.dispose();
      };
      return withTextNames(shadow);
    },
  };
}

const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

function withTextNames<T extends SqlDriverAdapter & { underlyingDriver(): pg.Pool }>(
  adapter: T,
): T {
  patchFieldTypes(adapter.underlyingDriver());
  return adapter;
}

/** Rewrites the reported type of name/"char" result columns before the adapter maps them. */
function patchFieldTypes(pool: pg.Pool) {
  const patch = <R>(result: R): R => {
    for (const r of Array.isArray(result) ? result : [result]) {
      for (const field of (r as pg.QueryResult | undefined)?.fields ?? []) {
        if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID)
          field.dataTypeID = TEXT_OID;
      }
    }
    return result;
  };
  const wrap = (target: { query: (...args: never[]) => unknown }) => {
    const original = target.query.bind(target) as (...args: unknown[]) => unknown;
    target.query = ((...args: unknown[]) => {
      const out = original(...args);
      return out instanceof Promise ? out.then(patch) : out;
    }) as typeof target.query;
  };
  wrap(pool);
  pool.on("connect", (client) => wrap(client));
}
