import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { uniqueShop } from "../support/constants";
import { BROWSER_UA, adminApiCalls, adminDocument, adminFetch, appUrl } from "../support/http";
import { installShop } from "../support/install";
import { DAMAGED_RULE, draft, form } from "./admin-support";
import {
  ORDER_ID,
  PLAN,
  SUNGLASSES,
  photoOf,
  portal,
  returnableShop,
  shopWithFulfilledOrder,
  submitted,
  twoItems,
} from "./support";

/** A shop whose shopper returned the sunglasses for an exchange and the plan for store credit. */
async function shopWithReturn(label: string) {
  const shop = await shopWithFulfilledOrder(label);
  const created = await portal(shop, twoItems());
  expect(created.status).toBe(201);
  const { returnId } = (await created.json()) as { returnId: string };
  return { shop, returnId };
}

describe("returns admin", () => {
  it("lists the shop's returns with tabs, search and filters, never another shop's", async () => {
    const { shop, returnId } = await shopWithReturn("returns-admin-list");
    const other = await shopWithReturn("returns-admin-other");

    const list = await (await adminDocument(shop, "/app/returns")).text();
    expect(list).toContain(returnId);
    expect(list).toContain("#9999");
    expect(list).toContain("jon@example.com");
    expect(list).toContain("Aviator sunglasses");
    expect(list).toContain("Exchange, Store credit");
    expect(list).not.toContain(other.returnId);

    const showing = async (path: string) =>
      (await (await adminDocument(shop, path)).text()).includes(returnId);
    expect(await showing("/app/returns?tab=open")).toBe(true);
    expect(await showing("/app/returns?tab=requested")).toBe(false);
    expect(await showing("/app/returns?query=9999")).toBe(true);
    expect(await showing("/app/returns?query=JON@example.com")).toBe(true);
    expect(await showing("/app/returns?query=%239998")).toBe(false);
    expect(await showing("/app/returns?resolution=exchange")).toBe(true);
    expect(await showing("/app/returns?resolution=refund")).toBe(false);
    expect(await showing("/app/returns?reason=unwanted")).toBe(true);
    expect(await showing("/app/returns?reason=damaged")).toBe(false);
    expect(await (await adminDocument(shop, "/app/returns?tab=closed")).text()).toContain(
      "No returns match",
    );

    const page = await (await adminDocument(shop, `/app/returns/${returnId}`)).text();
    expect(page).toContain("Return for #9999");
    expect(page).toContain("Size too small");
    expect(page).toContain(`shopify://admin/orders/${ORDER_ID}`);
    expect((await adminDocument(other.shop, `/app/returns/${returnId}`)).status).toBe(404);

    const empty = uniqueShop("returns-admin-empty");
    await installShop(empty);
    const none = await (await adminDocument(empty, "/app/returns")).text();
    expect(none).toContain("No returns yet");
    expect(none).toContain(`https://${empty}/apps/aftercare/returns`);
  });

  it("exports the shop's returned lines as CSV", async () => {
    const { shop, returnId } = await shopWithReturn("returns-admin-csv");
    const other = await shopWithReturn("returns-admin-csv-other");
    const response = await adminFetch(shop, "/app/returns/export");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/csv");
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "return_id,order,email,status,requested_at,item,variant,quantity,reason,customer_note,resolution,currency,amount,fee,bonus,exchange_variant,return_shipping_fee,return_total,tracking_numbers,decline_reason",
    );
    const rows = lines.slice(1).map((line) => line.split(","));
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row[0] === returnId)).toBe(true);
    expect(rows.map((row) => [row[5], row[10], row[12], row[15]]).sort()).toEqual([
      ["Aviator sunglasses", "exchange", "89.99", "Tortoise"],
      ["Lens Protection Plan (2 Year)", "store_credit", "19.99", ""],
    ]);
    expect(lines.join("\n")).not.toContain(other.returnId);
    const filtered = await (await adminFetch(shop, "/app/returns/export?tab=closed")).text();
    expect(filtered.trim().split("\r\n")).toHaveLength(1);
    const anonymous = await fetch(`${appUrl()}/app/returns/export?shop=${shop}`, {
      headers: { "User-Agent": BROWSER_UA },
      redirect: "manual",
    });
    expect(anonymous.status).not.toBe(200);
  });

  it("refuses an invalid policy naming each field, saves a valid one and checks an order with it", async () => {
    const shop = await shopWithFulfilledOrder("returns-admin-policy");
    const invalid = await adminFetch(
      shop,
      "/app/returns/settings.data",
      form({ intent: "save", policy: draft({ windowDays: "400", returnShippingFee: "abc" }) }),
    );
    expect(invalid.status).toBe(400);
    const refusal = await invalid.text();
    expect(refusal).toContain("windowDays");
    expect(refusal).toContain("At most 365");
    expect(refusal).toContain("returnShippingFee");
    expect(refusal).toContain("Enter a number");
    expect(await db.returnPolicyVersion.findUnique({ where: { shopDomain: shop } })).toBeNull();

    const unnamed = await adminFetch(
      shop,
      "/app/returns/settings.data",
      form({
        intent: "save",
        policy: draft({ rules: [{ ...DAMAGED_RULE, name: " " }] }),
      }),
    );
    expect(unnamed.status).toBe(400);
    expect(await unnamed.text()).toContain("rules.0.name");

    const saved = await adminFetch(
      shop,
      "/app/returns/settings.data",
      form({ intent: "save", policy: draft() }),
    );
    expect(saved.status).toBe(200);
    const stored = await db.returnPolicyVersion.findUniqueOrThrow({ where: { shopDomain: shop } });
    expect(JSON.parse(stored.policy)).toMatchObject({
      windowDays: 30,
      returnShippingFee: 450,
      storeCreditBonusPercent: 10,
      rules: [
        { name: "Damaged items", when: { reasons: ["damaged"] }, then: { photosRequired: true } },
      ],
    });
    const editor = await (await adminDocument(shop, "/app/returns/settings")).text();
    expect(editor).toContain("Damaged items");
    expect(editor).toContain("4.50");

    const check = async (order: string, reason = "") => {
      const response = await adminFetch(
        shop,
        "/app/returns/settings.data",
        form({ intent: "check", order, reason }),
      );
      return { status: response.status, text: await response.text() };
    };
    const plain = await check("#9999");
    expect(plain.status).toBe(200);
    expect(plain.text).toContain("Aviator sunglasses");
    expect(plain.text).toContain("Eligible");
    // 10% bonus on store credit: 89.99 → 98.99.
    expect(plain.text).toContain("9899");
    const damaged = await check("9999", "damaged");
    expect(damaged.text).toContain("Damaged items: photos required");
    expect(damaged.text).toContain("Damaged items: refund only");
    const missing = await check("#1234");
    expect(missing.status).toBe(404);
    expect(missing.text).toContain("No order #1234 in this shop");

    const other = uniqueShop("returns-admin-policy-other");
    await installShop(other);
    const foreign = await adminFetch(
      other,
      "/app/returns/settings.data",
      form({ intent: "check", order: "#9999" }),
    );
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain("Aviator sunglasses");
  });

  it("approves, declines with a reason, receives and processes, with the lifecycle's refusals", async () => {
    const shop = await returnableShop("returns-admin-actions");
    // Photos required for "damaged" makes each such return wait for approval.
    await adminFetch(shop, "/app/returns/settings.data", form({ intent: "save", policy: draft() }));
    // Each return as the shopper submits it, once the app has requested it in Shopify.
    const request = async (lineItemId: string) =>
      (
        await submitted(shop, {
          ...twoItems(),
          lines: [{ lineItemId, quantity: 1, reason: "damaged", resolution: "refund" }],
          photos: [photoOf(lineItemId)],
        })
      ).id;
    const first = await request(SUNGLASSES);
    const second = await request(PLAN);
    expect(
      (await db.returnRequest.findMany({ where: { shopDomain: shop } })).map((row) => row.status),
    ).toEqual(["requested", "requested"]);

    const other = uniqueShop("returns-admin-actions-other");
    await installShop(other);
    const foreign = await adminFetch(
      other,
      `/app/returns/${first}.data`,
      form({ intent: "approve" }),
    );
    expect(foreign.status).toBe(404);
    const foreignBulk = await adminFetch(
      other,
      "/app/returns.data?index",
      form({ intent: "approve", ids: [first] }),
    );
    expect(await foreignBulk.text()).toContain("Return not found");
    expect((await db.returnRequest.findUniqueOrThrow({ where: { id: first } })).status).toBe(
      "requested",
    );

    for (const path of ["/app/returns.data?index", `/app/returns/${second}.data`]) {
      const noReason = await adminFetch(
        shop,
        path,
        form({ intent: "decline", ids: [second], reason: " " }),
      );
      expect(await noReason.text()).toContain("Tell the customer why the return is declined");
    }
    expect((await db.returnRequest.findUniqueOrThrow({ where: { id: second } })).status).toBe(
      "requested",
    );
    const declined = await adminFetch(
      shop,
      "/app/returns.data?index",
      form({ intent: "decline", ids: [second], reason: "Outside the warranty" }),
    );
    expect(declined.status).toBe(200);
    expect(await db.returnRequest.findUniqueOrThrow({ where: { id: second } })).toMatchObject({
      status: "declined",
      declineReason: "Outside the warranty",
    });

    const bulk = await adminFetch(
      shop,
      "/app/returns.data?index",
      form({ intent: "approve", ids: [first, second] }),
    );
    expect(bulk.status).toBe(200);
    expect(await bulk.text()).toContain("This return is declined and cannot be approved");
    expect((await db.returnRequest.findUniqueOrThrow({ where: { id: first } })).status).toBe(
      "open",
    );

    const act = async (intent: string) => {
      const response = await adminFetch(shop, `/app/returns/${first}.data`, form({ intent }));
      return { status: response.status, text: await response.text() };
    };
    const label = await act("issue_label");
    expect(label.status).toBe(409);
    expect(label.text).toContain(
      "Connect EasyPost under Shipments → Tracking settings to buy return labels",
    );
    expect((await act("receive")).status).toBe(200);
    expect((await act("process")).status).toBe(200);
    // Done already: a double click or a retried request answers ok and changes nothing.
    expect((await act("receive")).status).toBe(200);
    expect((await act("approve")).status).toBe(200);
    expect(
      await db.returnEvent.count({
        where: { returnId: first, kind: { in: ["received", "approved"] } },
      }),
    ).toBe(2);

    // Shopify was told first each time the return moved there.
    expect(
      (await adminApiCalls(shop))
        .map((call) => call.operationName)
        .filter((name) => /Approve|Decline|Process/.test(name)),
    ).toEqual([
      "ReturnsReturnDeclineRequest",
      "ReturnsReturnApproveRequest",
      "ReturnsReturnProcess",
    ]);

    const page = await (await adminDocument(shop, `/app/returns/${first}`)).text();
    for (const kind of ["Requested", "Approved", "Received", "Processed"]) {
      expect(page).toContain(kind);
    }
    const declinedPage = await (await adminDocument(shop, `/app/returns/${second}`)).text();
    expect(declinedPage).toContain("Outside the warranty");
    expect(
      (await adminFetch(shop, `/app/returns/${second}.data`, form({ intent: "process" }))).status,
    ).toBe(409);
  });
});
