import { defineConfig } from "prisma/config";
import { databaseProvider, databaseUrl } from "./app/platform/db/provider";
import { migrationAdapter } from "./prisma/cli-adapter";

// The Prisma CLI runs on its WebAssembly engines through a driver adapter (no engine download):
// the provider, schema and migrations follow DATABASE_URL like the app does.
const url = databaseUrl();
const provider = databaseProvider(url);

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: `prisma/${provider}/schema.prisma`,
  migrations: { path: `prisma/${provider}/migrations` },
  adapter: () => migrationAdapter(url),
});
