import { shopStore } from "../state";
import { catalog, type CatalogProduct } from "./products";
import { AdminGraphqlError, type AdminHandler } from "./types";

type Shop = Parameters<AdminHandler>[0]["shop"];

interface BulkOperation {
  id: string;
  query: string;
  createdAt: string;
  completedAt: string | null;
  /** Status queries answered so far: the operation moves one step per query. */
  polls: number;
  lines: string[];
}

/**
 * An order as Shopify's Admin GraphQL `Order` object describes it, with the fields the app's bulk
 * query asks for (https://shopify.dev/docs/api/admin-graphql/latest/objects/Order); `lineItems`
 * holds the nodes of its connection. Tests and the demo set the shop's orders with
 * POST /__standin/shops/<shop>/stores/orders.
 */
export interface StandinOrder {
  id: string;
  createdAt: string;
  updatedAt: string;
  lineItems: Record<string, unknown>[];
  [field: string]: unknown;
}

export const bulkOperations = (shop: Shop) =>
  shopStore<BulkOperation[]>(shop, "bulkOperations", () => []);

export const standinOrders = (shop: Shop) =>
  (shop.stores.get("orders") as StandinOrder[] | undefined) ?? [];

/**
 * Parent and child lines as Shopify writes them: with `groupObjects` each object's children
 * follow it; without, nothing promises where a child lands, so the stand-in writes every parent
 * first and the children after all of them (a reader must not rely on adjacency).
 */
function jsonl(parents: { parent: object; children: object[] }[], groupObjects: boolean) {
  const lines = parents.map(({ parent, children }) => [
    JSON.stringify(parent),
    ...children.map((child) => JSON.stringify(child)),
  ]);
  if (groupObjects) return lines.flat();
  return [...lines.map((group) => group[0]!), ...lines.flatMap((group) => group.slice(1))];
}

/** The catalog: each product, then its variants and images with __parentId. */
function catalogLines(products: CatalogProduct[], groupObjects: boolean) {
  return jsonl(
    products.map((product) => {
      const { images, variants, ...fields } = product;
      return {
        parent: fields,
        children: [
          ...variants.map((variant) => ({ ...variant, __parentId: product.id })),
          ...images.map((image) => ({ ...image, __parentId: product.id })),
        ],
      };
    }),
    groupObjects,
  );
}

/**
 * Orders matching the query's search filter: Shopify's search syntax, of which the stand-in knows
 * `created_at:>=<ISO date>` (https://shopify.dev/docs/api/usage/search-syntax); any other filter
 * is refused rather than silently ignored.
 */
function orderLines(shop: Shop, query: string, groupObjects: boolean) {
  const filter = /\borders\s*\(\s*query:\s*"([^"]*)"\s*\)/.exec(query)?.[1] ?? "";
  let since = -Infinity;
  for (const term of filter.split(/\s+/).filter(Boolean)) {
    const match = /^created_at:>=['"]?([0-9T:.\-Z+]+)['"]?$/.exec(term);
    const at = match ? Date.parse(match[1]!) : NaN;
    if (Number.isNaN(at)) throw new AdminGraphqlError(`Invalid bulk query: filter ${term}`);
    since = at;
  }
  return jsonl(
    standinOrders(shop)
      .filter((order) => Date.parse(order.createdAt) >= since)
      .map((order) => {
        const { lineItems, ...fields } = order;
        return {
          parent: fields,
          children: lineItems.map((item) => ({ ...item, __parentId: order.id })),
        };
      }),
    groupObjects,
  );
}

/** The steps a bulk query goes through while Shopify writes its file. */
const STEPS = 4;
/** From API 2026-01, up to five bulk queries per app and shop at a time. */
const CONCURRENT_QUERIES = 5;

/** The operation as `BulkOperation` (https://shopify.dev/docs/api/admin-graphql/latest/objects/BulkOperation). */
function describe(operation: BulkOperation, origin: string, shop: Shop) {
  const step = Math.min(operation.polls, STEPS);
  const done = step === STEPS;
  if (done && !operation.completedAt) operation.completedAt = new Date().toISOString();
  const number = operation.id.split("/").pop();
  return {
    __typename: "BulkOperation",
    id: operation.id,
    type: "QUERY",
    status: step === 0 ? "CREATED" : done ? "COMPLETED" : "RUNNING",
    errorCode: null,
    createdAt: operation.createdAt,
    completedAt: operation.completedAt,
    objectCount: String(Math.floor((operation.lines.length * step) / STEPS)),
    rootObjectCount: String(
      Math.floor(
        (operation.lines.filter((line) => !line.includes('"__parentId"')).length * step) / STEPS,
      ),
    ),
    fileSize: done ? String(operation.lines.join("\n").length) : null,
    // An operation that matched nothing has no file.
    url:
      done && operation.lines.length > 0
        ? `${origin}/__standin/bulk/${encodeURIComponent(shop.domain)}/${number}.jsonl`
        : null,
    partialDataUrl: null,
    query: operation.query,
  };
}

/** The JSONL file at an operation's url (what Shopify serves from its storage bucket). */
export function bulkResultFile(shop: Shop, number: string) {
  const operation = bulkOperations(shop).find((entry) => entry.id.endsWith(`/${number}`));
  return operation ? `${operation.lines.join("\n")}\n` : null;
}

export const bulkHandlers: Record<string, AdminHandler> = {
  // https://shopify.dev/docs/api/admin-graphql/latest/mutations/bulkOperationRunQuery
  BulkQueryRun: ({ shop, variables }) => {
    const operations = bulkOperations(shop);
    const query = String(variables.query ?? "");
    if (typeof variables.groupObjects !== "boolean") {
      throw new AdminGraphqlError(
        "Variable $groupObjects of type Boolean! was provided invalid value",
      );
    }
    const running = operations.filter((operation) => operation.polls < STEPS);
    if (running.length >= CONCURRENT_QUERIES) {
      return {
        bulkOperationRunQuery: {
          bulkOperation: null,
          userErrors: [
            {
              field: ["query"],
              message: `A bulk query operation for this app and shop is already in progress: ${running[0]!.id}.`,
            },
          ],
        },
      };
    }
    const root = /^\s*\{\s*([A-Za-z]+)/.exec(query)?.[1];
    let lines: string[];
    if (root === "products") lines = catalogLines(catalog(shop), variables.groupObjects);
    else if (root === "orders") lines = orderLines(shop, query, variables.groupObjects);
    else throw new AdminGraphqlError(`Invalid bulk query: the stand-in does not serve ${root}`);
    const operation: BulkOperation = {
      id: `gid://shopify/BulkOperation/${1_000_000 + operations.length + 1}`,
      query,
      createdAt: new Date().toISOString(),
      completedAt: null,
      polls: 0,
      lines,
    };
    operations.push(operation);
    return {
      bulkOperationRunQuery: {
        bulkOperation: { id: operation.id, status: "CREATED" },
        userErrors: [],
      },
    };
  },

  // https://shopify.dev/docs/api/admin-graphql/latest/queries/node (BulkOperation)
  BulkQueryStatus: ({ shop, variables, origin }) => {
    const operation = bulkOperations(shop).find((entry) => entry.id === variables.id);
    if (!operation) return { node: null };
    operation.polls += 1;
    return { node: describe(operation, origin, shop) };
  },
};
