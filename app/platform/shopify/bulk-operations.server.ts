import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { requireNoUserErrors, type UserError } from "./admin-gateway.server";
import { adminOperation } from "./admin-operation";
import { adminGateway } from "./admin.server";

/**
 * Shopify bulk query operations, for any capability that reads a large set at once (the catalog
 * import, the order history import): start one, ask how far it got, read its JSONL file line by
 * line as it downloads (https://shopify.dev/docs/api/usage/bulk-operations/queries). From API
 * 2026-01 an app may run up to five bulk queries per shop at a time.
 */

// https://shopify.dev/docs/api/admin-graphql/latest/mutations/bulkOperationRunQuery
const BulkQueryRun = adminOperation<
  {
    bulkOperationRunQuery: {
      bulkOperation: { id: string; status: string } | null;
      userErrors: UserError[];
    } | null;
  },
  { query: string; groupObjects: boolean }
>(`#graphql
  mutation BulkQueryRun($query: String!, $groupObjects: Boolean!) {
    bulkOperationRunQuery(query: $query, groupObjects: $groupObjects) {
      bulkOperation { id status }
      userErrors { field message }
    }
  }
`);

export type BulkOperationStatus =
  "CREATED" | "RUNNING" | "COMPLETED" | "CANCELING" | "CANCELED" | "FAILED" | "EXPIRED";

export interface BulkOperationNode {
  id: string;
  status: BulkOperationStatus;
  errorCode: string | null;
  objectCount: string;
  url: string | null;
}

// https://shopify.dev/docs/api/admin-graphql/latest/objects/BulkOperation
const BulkQueryStatus = adminOperation<{ node: BulkOperationNode | null }, { id: string }>(`#graphql
  query BulkQueryStatus($id: ID!) {
    node(id: $id) {
      ... on BulkOperation { id status errorCode objectCount url }
    }
  }
`);

/** Statuses after which the operation will never write its file. */
export const BULK_ENDED_WITHOUT_FILE: readonly BulkOperationStatus[] = [
  "CANCELING",
  "CANCELED",
  "FAILED",
  "EXPIRED",
];

/**
 * Starts a bulk query; its id names it from then on. `groupObjects` asks Shopify to write each
 * object's children right after it, which lets a reader handle one parent at a time.
 */
export async function runBulkQuery(
  shop: string,
  query: string,
  { groupObjects = false }: { groupObjects?: boolean } = {},
): Promise<string> {
  const result = await adminGateway.request(shop, BulkQueryRun, { query, groupObjects });
  const { bulkOperation } = requireNoUserErrors(BulkQueryRun, shop, result.bulkOperationRunQuery);
  return bulkOperation!.id;
}

/** The operation as Shopify describes it now; null when Shopify does not know it. */
export async function bulkOperation(shop: string, id: string) {
  return (await adminGateway.request(shop, BulkQueryStatus, { id })).node;
}

/** The operation's JSONL file, one line at a time as it downloads (memory: one line). */
export async function* bulkFileLines(url: string): AsyncGenerator<string> {
  const response = await fetch(url);
  if (!response.ok || !response.body) {
    throw new Error(`Bulk operation file: HTTP ${response.status}`);
  }
  const reader = createInterface({
    input: Readable.fromWeb(response.body as NodeReadableStream),
    crlfDelay: Infinity,
  });
  for await (const line of reader) yield line;
}
