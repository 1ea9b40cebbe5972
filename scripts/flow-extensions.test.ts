import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { FLOW_ACTION_HANDLES } from "../app/automation/index.server";
import type { PublishedEvent } from "../app/destinations/events";
import {
  FLOW_TRIGGER_HANDLES,
  flowTriggerHandle,
  flowTriggerPayload,
} from "../app/destinations/shopify-flow.server";
import { flowActionRequest, flowExtensions, triggerErrors } from "./standin/admin/flow";

/**
 * `shopify app build` / `deploy` must accept the Flow extensions. The CLI cannot run offline, so
 * its rules are written again here, from Shopify's CLI source (packages/app/src/cli/models/
 * extensions/schemas.ts, specifications/flow_trigger.ts and flow_action.ts, services/flow/
 * constants.ts, validation.ts, serialize-fields.ts) and the Flow reference pages
 * (shopify.dev/docs/apps/build/flow/triggers/reference and actions/reference: handle at most 30
 * characters; names "object + past-tense verb" for triggers, "verb + object" for actions, in
 * sentence case without punctuation).
 */

const ROOT = path.resolve(import.meta.dirname, "..");
const EXTENSIONS = path.join(ROOT, "extensions");

const TRIGGER_REFERENCES = [
  "customer_reference",
  "order_reference",
  "product_reference",
  "company_reference",
  "company_contact_reference",
];
const ACTION_REFERENCES = [
  ...TRIGGER_REFERENCES,
  "marketing_activity_reference",
  "abandonment_reference",
];
const TRIGGER_TYPES = ["boolean", "email", "single_line_text_field", "url", "number_decimal"];
const ACTION_TYPES = [
  "boolean",
  "email",
  "multi_line_text_field",
  "number_integer",
  "single_line_text_field",
  "url",
  "number_decimal",
];

interface Toml {
  api_version?: string;
  extensions?: Record<string, unknown>[];
  settings?: { fields?: Record<string, unknown>[] };
}

function allExtensionFiles() {
  return readdirSync(EXTENSIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(EXTENSIONS, entry.name, "shopify.extension.toml"))
    .filter((file) => existsSync(file));
}

const flowFiles = allExtensionFiles().filter((file) => {
  const toml = parse(readFileSync(file, "utf8")) as Toml;
  return toml.extensions?.some((e) => e.type === "flow_trigger" || e.type === "flow_action");
});

/** The problems the CLI would report for one Flow extension file; none when it loads. */
function cliProblems(file: string, appUrl: string): string[] {
  const toml = parse(readFileSync(file, "utf8")) as Toml;
  const problems: string[] = [];
  const [extension, ...more] = toml.extensions ?? [];
  if (!extension || more.length) problems.push("exactly one [[extensions]] entry");
  if (!extension) return problems;
  const type = extension.type;
  const handle = extension.handle;
  if (typeof extension.name !== "string" || !extension.name) problems.push("name is required");
  if (typeof handle !== "string") problems.push("handle is required");
  else {
    if (!/^[a-zA-Z0-9-]+$/.test(handle)) problems.push("handle: alphanumerics and hyphens only");
    if (handle.startsWith("-") || handle.endsWith("-")) problems.push("handle: no edge hyphen");
    if (handle.length > 30) problems.push("handle: at most 30 characters (Flow)");
  }
  if (extension.description !== undefined && typeof extension.description !== "string") {
    problems.push("description must be a string");
  }
  const name = String(extension.name ?? "");
  const laterWords = name.split(" ").slice(1);
  const sentenceCase = laterWords.every(
    (word) => word === word.toLowerCase() || /^[A-Z]+$/.test(word),
  );
  if (!/^[A-Z][A-Za-z0-9 ]*$/.test(name) || !sentenceCase) {
    problems.push(`name "${name}": sentence case (acronyms aside), no punctuation`);
  }
  if (type === "flow_action") {
    let url: URL | null = null;
    try {
      url = new URL(String(extension.runtime_url));
    } catch {
      problems.push("runtime_url must be a URL");
    }
    if (url && url.protocol !== "https:") problems.push("runtime_url must start with https");
    if (url && url.origin !== new URL(appUrl).origin) {
      problems.push("runtime_url must be on the app's application_url");
    }
  }
  const fields = toml.settings?.fields ?? [];
  fields.forEach((field, index) => {
    const where = `field[${index}]`;
    const fieldType = String(field.type);
    const isReference = ACTION_REFERENCES.includes(fieldType);
    if (isReference) {
      const allowed = [
        "type",
        "description",
        "required",
        "marketingActivityCreateUrl",
        "marketingActivityDeleteUrl",
      ];
      for (const key of Object.keys(field)) {
        if (!allowed.includes(key)) problems.push(`${where}: ${key} not allowed on a reference`);
      }
      if (type === "flow_trigger" && !TRIGGER_REFERENCES.includes(fieldType)) {
        problems.push(`${where}: ${fieldType} is not supported for Flow Triggers`);
      }
      return;
    }
    if (typeof field.key !== "string") problems.push(`${where}: key is required`);
    if (type === "flow_trigger") {
      // Custom trigger fields are not strict in the CLI (FieldSchema.extend): only key and type.
      if (typeof field.key === "string" && !/^[a-zA-Z\s]*$/.test(field.key)) {
        problems.push(`${where}: a trigger key has only letters and spaces`);
      }
      if (!TRIGGER_TYPES.includes(fieldType))
        problems.push(`${where}: ${fieldType} not on triggers`);
    } else {
      const allowed = ["type", "key", "name", "description", "required"];
      for (const key of Object.keys(field)) {
        if (!allowed.includes(key)) problems.push(`${where}: unknown property ${key}`);
      }
      if (typeof field.name !== "string") problems.push(`${where}: name is required`);
      if (field.required !== undefined && typeof field.required !== "boolean") {
        problems.push(`${where}: required is a boolean`);
      }
      if (!ACTION_TYPES.includes(fieldType)) problems.push(`${where}: ${fieldType} not on actions`);
    }
  });
  const keys = fields.map((field) =>
    ACTION_REFERENCES.includes(String(field.type)) ? String(field.type) : String(field.key),
  );
  if (new Set(keys).size !== keys.length) problems.push("a field is declared twice");
  return problems;
}

const appUrl = (
  parse(readFileSync(path.join(ROOT, "shopify.app.toml"), "utf8")) as { application_url: string }
).application_url;

describe("Shopify Flow extensions", () => {
  it("are eight triggers and three actions", () => {
    const extensions = flowExtensions();
    expect(extensions.filter((e) => e.type === "flow_trigger")).toHaveLength(8);
    expect(extensions.filter((e) => e.type === "flow_action")).toHaveLength(3);
  });

  it.each(flowFiles.map((file) => [path.basename(path.dirname(file)), file]))(
    "%s passes the CLI's rules",
    (_name, file) => {
      expect(cliProblems(file, appUrl)).toEqual([]);
    },
  );

  it("the rules catch what the CLI refuses", () => {
    const trigger = path.join(ROOT, "tests/fixtures/flow/bad-trigger.extension.toml");
    expect(cliProblems(trigger, appUrl)).toEqual([
      "handle: alphanumerics and hyphens only",
      'name "Bad Trigger!": sentence case (acronyms aside), no punctuation',
      "field[0]: marketing_activity_reference is not supported for Flow Triggers",
      "field[1]: a trigger key has only letters and spaces",
      "field[2]: number_integer not on triggers",
    ]);
    const action = path.join(ROOT, "tests/fixtures/flow/bad-action.extension.toml");
    expect(cliProblems(action, appUrl)).toEqual([
      "handle: at most 30 characters (Flow)",
      "runtime_url must start with https",
      "runtime_url must be on the app's application_url",
      "field[0]: label not allowed on a reference",
      "field[1]: name is required",
      "field[1]: color not on actions",
    ]);
  });

  it("have handles unique across all of the app's extensions", () => {
    const handles = allExtensionFiles().flatMap((file) =>
      ((parse(readFileSync(file, "utf8")) as Toml).extensions ?? []).map((e) => e.handle),
    );
    expect(new Set(handles).size).toBe(handles.length);
  });

  it("each trigger is fired by an event, and each event's trigger exists", () => {
    const triggers = flowExtensions()
      .filter((e) => e.type === "flow_trigger")
      .map((e) => e.handle)
      .sort();
    expect([...new Set(Object.values(FLOW_TRIGGER_HANDLES))].sort()).toEqual(triggers);
  });

  it("each action's runtime URL is served by the app's action route", () => {
    const route = path.join(ROOT, "app/routes/flow.actions.$action.ts");
    expect(existsSync(route)).toBe(true);
    const actions = flowExtensions().filter((e) => e.type === "flow_action");
    for (const action of actions) {
      expect(new URL(action.runtime_url!).pathname).toBe(`/flow/actions/${action.handle}`);
    }
    expect(actions.map((e) => e.handle).sort()).toEqual([...FLOW_ACTION_HANDLES].sort());
  });
});

const ORDER_ID = "820982911946154508";
const CUSTOMER_ID = "115310627314723954";
const SHIPMENT = { shipmentId: "no-such-shipment", orderId: ORDER_ID, isReturn: false };
const MEMBER = { memberId: "m1", customerId: "207119551" };

function event<T extends keyof typeof FLOW_TRIGGER_HANDLES>(
  type: T,
  data: PublishedEvent<T>["data"],
): PublishedEvent {
  const occurredAt = new Date("2026-01-01T13:00:00.000Z");
  return { id: `e-${type}`, type, shop: "flow-unit.myshopify.com", occurredAt, data };
}

describe("Flow trigger payloads", () => {
  const samples = [
    event("shipment.delivered", { ...SHIPMENT, deliveredAt: "2026-01-01T12:00:00.000Z" }),
    event("shipment.delayed", { ...SHIPMENT, reason: "stalled", estimateLatest: null }),
    event("shipment.exception", { ...SHIPMENT, subtag: "Exception_011" }),
    event("return.requested", { returnId: "r1", orderId: ORDER_ID, source: "portal" }),
    event("return.approved", { returnId: "r1", orderId: ORDER_ID }),
    event("survey.detractor", {
      responseId: "s1",
      kind: "nps",
      score: 3,
      orderId: null,
      customerId: CUSTOMER_ID,
    }),
    event("loyalty.tier_changed", { ...MEMBER, previousTierId: "Silver", tierId: null }),
    event("loyalty.points_expiring", {
      ...MEMBER,
      points: 1200,
      expiresAt: "2026-02-01T00:00:00.000Z",
    }),
  ];

  it.each(samples.map((sample) => [sample.type, sample]))(
    "%s carries exactly its trigger's fields, which Flow (the stand-in) accepts",
    async (_type, sample) => {
      const handle = flowTriggerHandle(sample);
      const payload = await flowTriggerPayload(sample);
      expect(handle).toBe(FLOW_TRIGGER_HANDLES[sample.type as keyof typeof FLOW_TRIGGER_HANDLES]);
      expect(triggerErrors(handle, payload)).toEqual([]);
    },
  );

  it("names the order and customer exactly, past 2^53 as a string", async () => {
    expect(await flowTriggerPayload(samples[3]!)).toMatchObject({ order_id: ORDER_ID });
    expect(await flowTriggerPayload(samples[6]!)).toMatchObject({ customer_id: 207119551 });
  });

  it("starts no trigger for a delivery learned more than 72 hours after it happened", () => {
    const old = event("shipment.delivered", {
      ...SHIPMENT,
      deliveredAt: "2026-01-01T12:00:00.000Z",
    });
    expect(flowTriggerHandle({ ...old, occurredAt: new Date("2026-01-04T11:00:00.000Z") })).toBe(
      "shipment-delivered",
    );
    expect(
      flowTriggerHandle({ ...old, occurredAt: new Date("2026-01-04T13:00:00.000Z") }),
    ).toBeNull();
  });

  it("starts no trigger for a return's parcel or a CSAT detractor", () => {
    expect(
      flowTriggerHandle(
        event("shipment.delivered", {
          shipmentId: "x",
          orderId: null,
          isReturn: true,
          deliveredAt: "2026-01-01T12:00:00.000Z",
        }),
      ),
    ).toBeNull();
    expect(
      flowTriggerHandle(
        event("survey.detractor", {
          responseId: "s",
          kind: "csat",
          score: 1,
          orderId: ORDER_ID,
          customerId: CUSTOMER_ID,
        }),
      ),
    ).toBeNull();
  });
});

describe("the stand-in's Flow", () => {
  it("refuses an unknown handle, a missing field, an unknown field and a wrong type", () => {
    expect(triggerErrors("no-such-trigger", {})[0]!.message).toMatch(/not found/);
    const errors = triggerErrors("return-approved", {
      order_id: "0x12",
      Extra: "x",
    }).map((error) => error.message);
    expect(errors).toEqual([
      "'order_id' is not a valid order_reference",
      "Missing required field 'Return id'",
      "Unknown field 'Extra'",
    ]);
  });

  it("sends an action only with its declared fields, the required ones present", () => {
    const run = { shopId: "1", shopDomain: "a.myshopify.com", runId: "r1" };
    expect(
      flowActionRequest({ ...run, handle: "flag-shipment", properties: { order_id: "1" } }),
    ).toEqual({ error: "missing required field note" });
    expect(
      flowActionRequest({
        ...run,
        handle: "send-csat-survey",
        properties: { order_id: "1", extra: 1 },
      }),
    ).toEqual({ error: "field extra is not declared by send-csat-survey" });
    const ok = flowActionRequest({
      ...run,
      handle: "send-csat-survey",
      properties: { order_id: "1" },
    });
    expect("body" in ok && JSON.parse(ok.body)).toMatchObject({
      shop_id: "1",
      shopify_domain: "a.myshopify.com",
      action_run_id: "r1",
      handle: "send-csat-survey",
      properties: { order_id: "1" },
    });
  });
});
