import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { savePolicy } from "../../app/returns/returns.server";
import { adminDocument, adminFetch } from "../support/http";
import { form } from "./admin-support";
import { returnableShop, submitted } from "./support";

/** Issue #21 item 4: the return's page shows the customer's abuse signals and records inspection. */

describe("abuse signals on the return's page", () => {
  it("explains a serial returner's badge and counts a mismatch found at inspection", async () => {
    // The fixture is a test order, which no rate counts: this customer's order is a real one.
    const shop = await returnableShop("returns-abuse", { test: false });
    await savePolicy(shop, { abuse: { serialReturnerMinReturns: 1, serialReturnerMinRate: 1 } });
    const request = await submitted(shop);
    const page = async () => await (await adminDocument(shop, `/app/returns/${request.id}`)).text();

    const before = await page();
    expect(before).toContain("Customer history");
    expect(before).toContain("1 returns in 1 orders (1 per order) over 365 days");
    expect(before).toContain("Serial returner");
    expect(before).toContain(
      "1 returns in 1 orders; the policy flags 1 or more returns at 100 % of orders or more.",
    );
    expect(before).not.toContain("Mismatched items");

    const [first, second] = request.lines;
    const inspect = (fields: Record<string, string | string[]>) =>
      adminFetch(shop, `/app/returns/${request.id}.data`, form({ intent: "inspect", ...fields }));
    const foreign = await inspect({ mismatch: ["not-a-line"], note: "" });
    expect(foreign.status).toBe(409);
    expect(await foreign.text()).toContain("Some of those items are not part of this return");

    const recorded = await inspect({ mismatch: [first!.id], note: "Empty case" });
    expect(recorded.status).toBe(200);
    const lines = await db.returnLine.findMany({ where: { returnId: request.id } });
    expect(lines.find((line) => line.id === first!.id)?.mismatch).toBe(true);
    expect(lines.find((line) => line.id === second!.id)?.mismatch).toBe(false);
    expect(lines.every((line) => line.inspectedAt !== null)).toBe(true);
    const after = await page();
    expect(after).toContain("Mismatched items");
    expect(after).toContain(
      "Inspection found 1 units that were not the items sold in this customer&#x27;s returns.",
    );
    expect(after).toContain(`Not the item sold: 1 × ${first!.title}. Empty case`);

    // Inspecting again replaces the findings: the wrong tick is undone.
    expect((await inspect({ note: "" })).status).toBe(200);
    expect(await db.returnLine.count({ where: { returnId: request.id, mismatch: true } })).toBe(0);
    expect(await page()).not.toContain("Mismatched items");
  });
});
