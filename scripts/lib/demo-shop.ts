/** The demo's shop, its app credentials and its database: `npm run demo` and the scripts that read what it made. */
export const DEMO_SHOP = "aftercare-demo.myshopify.com";
export const DEMO_API_KEY = "aftercare-demo-api-key";
export const DEMO_API_SECRET = "aftercare-demo-api-secret";
/** The embedded SQLite file the demo uses when DATABASE_URL is not set, from the repository root. */
export const DEMO_DATABASE = "prisma/demo.sqlite";
