import { describe, expect, it } from "vitest";
import { checkEndpointUrl, DestinationInputError } from "./endpoints.server";

// DESTINATIONS_ALLOW_PRIVATE_HOSTS is unset here, as in production.
describe("an endpoint URL on a private host", () => {
  it.each([
    "https://localhost/hook",
    "https://127.0.0.1/hook",
    "https://169.254.169.254/latest/meta-data/",
    "https://192.168.1.10/hook",
    "https://[fd00::1]/hook",
    "https://0.0.0.0/hook",
    "http://127.0.0.1:8080/hook",
  ])("is refused when saved: %s", async (url) => {
    const refusal = await checkEndpointUrl(url).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DestinationInputError);
    if (url.startsWith("https:")) {
      expect(refusal).toMatchObject({ field: "url", messageKey: "privateHost" });
    }
  });

  it("accepts a public https address", async () => {
    await expect(checkEndpointUrl("https://8.8.8.8/hook")).resolves.toBe("https://8.8.8.8/hook");
  });
});
