import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { shopStore } from "../state";
import type { AdminHandler } from "./types";

/**
 * Shopify Flow's side of `flowTriggerReceive`: the app's trigger extensions, read from
 * extensions/ as `shopify app deploy` would publish them, and the triggers each shop received.
 * As strict as Flow: an unknown handle, a missing or unknown payload field, or a value of the
 * wrong type is refused with userErrors and starts nothing.
 */

export interface FlowField {
  type: string;
  key?: string;
  name?: string;
  required?: boolean;
}

export interface FlowExtension {
  type: "flow_trigger" | "flow_action";
  handle: string;
  name: string;
  description?: string;
  runtime_url?: string;
  fields: FlowField[];
}

const EXTENSIONS_DIR = path.resolve(import.meta.dirname, "../../../extensions");

/** Every Flow extension of the app (trigger and action), from its shopify.extension.toml. */
export function flowExtensions(dir = EXTENSIONS_DIR): FlowExtension[] {
  const found: FlowExtension[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    let text: string;
    try {
      text = readFileSync(path.join(dir, entry.name, "shopify.extension.toml"), "utf8");
    } catch {
      continue;
    }
    const toml = parse(text) as {
      extensions?: Record<string, unknown>[];
      settings?: { fields?: FlowField[] };
    };
    for (const extension of toml.extensions ?? []) {
      if (extension.type !== "flow_trigger" && extension.type !== "flow_action") continue;
      found.push({
        ...(extension as unknown as FlowExtension),
        fields: toml.settings?.fields ?? [],
      });
    }
  }
  return found;
}

/** A field's name in payloads: `<object>_id` for a reference, its key otherwise. */
export function payloadKey(field: FlowField): string {
  return field.type.endsWith("_reference")
    ? `${field.type.replace(/_reference$/, "")}_id`
    : field.key!;
}

const isId = (value: unknown) =>
  (typeof value === "number" && Number.isSafeInteger(value) && value > 0) ||
  (typeof value === "string" && /^[1-9]\d*$/.test(value));

function valueFits(type: string, value: unknown): boolean {
  if (type.endsWith("_reference")) return isId(value);
  switch (type) {
    case "single_line_text_field":
    case "multi_line_text_field":
      return typeof value === "string";
    case "number_decimal":
      return typeof value === "number" && Number.isFinite(value);
    case "number_integer":
      return typeof value === "number" && Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "email":
      return typeof value === "string" && /^[^\s@]+@[^\s@]+$/.test(value);
    case "url":
      return typeof value === "string" && /^https?:\/\/\S+$/.test(value);
    default:
      return false;
  }
}

export interface ReceivedTrigger {
  handle: string;
  payload: Record<string, unknown>;
  receivedAt: string;
}

export const receivedTriggers = (shop: Parameters<AdminHandler>[0]["shop"]) =>
  shopStore<ReceivedTrigger[]>(shop, "flowTriggers", () => []);

/** The userErrors Flow answers for a trigger call; none when it would start workflows. */
export function triggerErrors(
  handle: unknown,
  payload: unknown,
  extensions: FlowExtension[] = flowExtensions(),
): { field: string[]; message: string }[] {
  const trigger = extensions.find(
    (extension) => extension.type === "flow_trigger" && extension.handle === handle,
  );
  if (!trigger) {
    return [{ field: ["handle"], message: `Trigger with handle '${String(handle)}' not found` }];
  }
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) {
    return [{ field: ["payload"], message: "Payload must be an object" }];
  }
  const given = payload as Record<string, unknown>;
  const errors: { field: string[]; message: string }[] = [];
  const declared = new Map(trigger.fields.map((field) => [payloadKey(field), field]));
  for (const [key, field] of declared) {
    if (!Object.hasOwn(given, key)) {
      errors.push({ field: ["payload", key], message: `Missing required field '${key}'` });
    } else if (!valueFits(field.type, given[key])) {
      errors.push({ field: ["payload", key], message: `'${key}' is not a valid ${field.type}` });
    }
  }
  for (const key of Object.keys(given)) {
    if (!declared.has(key)) {
      errors.push({ field: ["payload", key], message: `Unknown field '${key}'` });
    }
  }
  return errors;
}

export const flowHandlers: Record<string, AdminHandler> = {
  // https://shopify.dev/docs/api/admin-graphql/latest/mutations/flowTriggerReceive
  FlowTriggerReceive: ({ shop, variables }) => {
    // A test may take triggers out of the deployed app (`stores/flowUndeployed`: handles).
    const undeployed = shopStore<string[]>(shop, "flowUndeployed", () => []);
    const deployed = flowExtensions().filter((extension) => !undeployed.includes(extension.handle));
    const userErrors = triggerErrors(variables.handle, variables.payload, deployed);
    if (!userErrors.length) {
      receivedTriggers(shop).push({
        handle: variables.handle as string,
        payload: variables.payload as Record<string, unknown>,
        receivedAt: new Date().toISOString(),
      });
    }
    return { flowTriggerReceive: { userErrors } };
  },
};

export interface FlowActionRun {
  /** The shop's id on Shopify's side (its `shop_id`). */
  shopId: string;
  shopDomain: string;
  handle: string;
  /** The values of the action's fields, by payload name (`customer_id`, a field's `key`). */
  properties: Record<string, unknown>;
  /** Flow sends a run again with the same id; a new run gets a new one. */
  runId: string;
}

/**
 * What Flow sends an app when a workflow reaches one of its actions: refused (null and why) for
 * an unknown action, a missing required field or one the action does not declare, as Flow's
 * editor never lets such a workflow run. https://shopify.dev/docs/apps/build/flow/actions/endpoints
 */
export function flowActionRequest(
  run: FlowActionRun,
  extensions: FlowExtension[] = flowExtensions(),
): { url: URL; body: string } | { error: string } {
  const action = extensions.find(
    (extension) => extension.type === "flow_action" && extension.handle === run.handle,
  );
  if (!action?.runtime_url) return { error: `no Flow action ${run.handle}` };
  const declared = new Map(action.fields.map((field) => [payloadKey(field), field]));
  for (const [key, field] of declared) {
    if (field.required && run.properties[key] === undefined) {
      return { error: `missing required field ${key}` };
    }
  }
  for (const key of Object.keys(run.properties)) {
    if (!declared.has(key)) return { error: `field ${key} is not declared by ${run.handle}` };
  }
  const body = JSON.stringify({
    shop_id: run.shopId,
    shopify_domain: run.shopDomain,
    action_run_id: run.runId,
    action_definition_id: action.name,
    handle: action.handle,
    properties: { ...run.properties, step_reference: `step-${run.runId}` },
  });
  return { url: new URL(action.runtime_url), body };
}
