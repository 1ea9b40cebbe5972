import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "../db.server";
import { checkHealth } from "./health.server";

afterEach(() => vi.restoreAllMocks());

describe("the health check", () => {
  it("reports a healthy database and queue", async () => {
    expect(await checkHealth()).toMatchObject({ ok: true, database: "ok", queue: "ok" });
  });

  // Issue #15, finding 7: /healthz answered the database's own error text to anyone.
  it("says only that the database failed, never the driver's message", async () => {
    const message = "connect ECONNREFUSED 10.1.2.3:5432 (user app_owner, database aftercare_prod)";
    vi.spyOn(db, "$queryRawUnsafe").mockRejectedValueOnce(new Error(message));
    const health = await checkHealth();
    expect(health).toMatchObject({ ok: false, database: "error", queue: "ok" });
    expect(JSON.stringify(health)).not.toMatch(/ECONNREFUSED|10\.1\.2\.3|app_owner/);
  });
});
