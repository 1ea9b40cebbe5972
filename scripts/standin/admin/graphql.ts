import {
  Kind,
  parse,
  type DocumentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import type { CostBucket, ShopState } from "../state";
import { ADMIN_HANDLERS } from "./index";
import { AdminGraphqlError } from "./types";

interface GraphqlBody {
  query?: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export interface GraphqlResult {
  status: number;
  body: unknown;
}

/** Shopify's cost model, simplified: mutations cost 10, queries one point per selected field. */
function requestedCost(operation: OperationDefinitionNode): number {
  if (operation.operation === "mutation") return 10;
  const count = (set: SelectionSetNode | undefined): number =>
    (set?.selections ?? []).reduce(
      (sum, selection) =>
        sum + 1 + ("selectionSet" in selection ? count(selection.selectionSet) : 0),
      0,
    );
  return Math.min(Math.max(count(operation.selectionSet), 1), 1000);
}

function refill(bucket: CostBucket) {
  const now = Date.now();
  bucket.currentlyAvailable = Math.min(
    bucket.maximumAvailable,
    bucket.currentlyAvailable + ((now - bucket.updatedAt) / 1000) * bucket.restoreRate,
  );
  bucket.updatedAt = now;
}

function throttleStatus(bucket: CostBucket) {
  return {
    maximumAvailable: bucket.maximumAvailable,
    currentlyAvailable: Math.floor(bucket.currentlyAvailable),
    restoreRate: bucket.restoreRate,
  };
}

/** Runs one Admin GraphQL request for an authenticated shop, as Shopify would answer it. */
export async function runAdminGraphql(
  shop: ShopState,
  raw: GraphqlBody,
  origin: string,
): Promise<GraphqlResult> {
  if (!raw.query)
    return { status: 400, body: { errors: { query: "Required parameter missing or invalid" } } };
  let document: DocumentNode;
  try {
    document = parse(raw.query);
  } catch (error) {
    return {
      status: 200,
      body: {
        errors: [{ message: (error as Error).message, extensions: { code: "PARSE_ERROR" } }],
      },
    };
  }
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = raw.operationName
    ? operations.find((candidate) => candidate.name?.value === raw.operationName)
    : operations[0];
  const name = operation?.name?.value;
  if (!operation || !name) {
    return {
      status: 200,
      body: { errors: [{ message: "The stand-in only answers named operations" }] },
    };
  }

  const cost = requestedCost(operation);
  refill(shop.bucket);
  if (shop.bucket.currentlyAvailable < cost) {
    return {
      status: 200,
      body: {
        errors: [
          {
            message: "Throttled",
            extensions: {
              code: "THROTTLED",
              documentation: "https://shopify.dev/api/usage/rate-limits",
            },
          },
        ],
        extensions: {
          cost: {
            requestedQueryCost: cost,
            actualQueryCost: null,
            throttleStatus: throttleStatus(shop.bucket),
          },
        },
      },
    };
  }

  const handler = ADMIN_HANDLERS[name];
  const variables = raw.variables ?? {};
  shop.calls.push({ operationName: name, variables, at: new Date().toISOString() });
  if (!handler) {
    return {
      status: 200,
      body: { errors: [{ message: `The Shopify stand-in has no handler for operation ${name}` }] },
    };
  }
  shop.bucket.currentlyAvailable -= cost;
  const extensions = {
    cost: {
      requestedQueryCost: cost,
      actualQueryCost: cost,
      throttleStatus: throttleStatus(shop.bucket),
    },
  };
  try {
    const data = await handler({ shop, variables, document, origin });
    return { status: 200, body: { data, extensions } };
  } catch (error) {
    if (error instanceof AdminGraphqlError) {
      return {
        status: 200,
        body: {
          errors: [{ message: error.message, extensions: { code: error.code ?? "BAD_REQUEST" } }],
          extensions,
        },
      };
    }
    throw error;
  }
}
