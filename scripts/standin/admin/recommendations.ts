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

export const bulkOperations = (shop: Shop) =>
  shopStore<BulkOperation[]>(shop, "bulkOperations", () => []);

/** The catalog as a bulk query's JSONL: each product, then its variants and images with __parentId. */
function catalogLines(products: CatalogProduct[]) {
  return products.flatMap((product) => {
    const { images, variants, ...fields } = product;
    return [
      JSON.stringify(fields),
      ...variants.map((variant) => JSON.stringify({ ...variant, __parentId: product.id })),
      ...images.map((image) => JSON.stringify({ ...image, __parentId: product.id })),
    ];
  });
}

/** The steps a bulk query goes through while Shopify writes its file. */
const STEPS = 4;

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
    url: done
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

export const recommendationHandlers: Record<string, AdminHandler> = {
  // https://shopify.dev/docs/api/admin-graphql/latest/mutations/bulkOperationRunQuery
  RecommendationsCatalogBulkQuery: ({ shop, variables }) => {
    const operations = bulkOperations(shop);
    const query = String(variables.query ?? "");
    const running = operations.find((operation) => operation.polls < STEPS);
    if (running) {
      return {
        bulkOperationRunQuery: {
          bulkOperation: null,
          userErrors: [
            {
              field: ["query"],
              message: `A bulk query operation for this app and shop is already in progress: ${running.id}.`,
            },
          ],
        },
      };
    }
    if (!/\bproducts\b/.test(query)) throw new AdminGraphqlError("Invalid bulk query: no products");
    const operation: BulkOperation = {
      id: `gid://shopify/BulkOperation/${1_000_000 + operations.length + 1}`,
      query,
      createdAt: new Date().toISOString(),
      completedAt: null,
      polls: 0,
      lines: catalogLines(catalog(shop)),
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
  RecommendationsCatalogBulkStatus: ({ shop, variables, origin }) => {
    const operation = bulkOperations(shop).find((entry) => entry.id === variables.id);
    if (!operation) return { node: null };
    operation.polls += 1;
    return { node: describe(operation, origin, shop) };
  },
};
