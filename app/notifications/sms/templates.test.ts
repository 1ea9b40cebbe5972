import { describe, expect, it } from "vitest";
import { SHOPPER_LOCALES } from "../../platform/i18n";
import { sendTime } from "../settings";
import { previewSms, SMS_DEFAULTS } from "./templates";

const sample = {
  shop: "Aftercare Demo",
  order: "#1001",
  link: "https://aftercare.example.com/s/xxxxxxxx",
};

describe("SMS texts", () => {
  it("keeps every default text in one segment, GSM-7 or UCS-2 as its characters need", () => {
    for (const texts of Object.values(SMS_DEFAULTS)) {
      for (const locale of SHOPPER_LOCALES) {
        expect(previewSms(texts[locale], sample, 83).segments, texts[locale]).toBe(1);
      }
    }
  });

  it("counts segments and cost as Twilio bills them: 160/153 GSM-7, 70/67 UCS-2", () => {
    expect(previewSms("a".repeat(160), sample, 83)).toMatchObject({
      encoding: "GSM-7",
      segments: 1,
      cost: 83,
    });
    expect(previewSms("a".repeat(161), sample, 83)).toMatchObject({ segments: 2, cost: 166 });
    // One emoji makes the whole message UCS-2.
    expect(previewSms(`${"a".repeat(69)}📦`, sample, 83)).toMatchObject({
      encoding: "UCS-2",
      segments: 2,
    });
    expect(previewSms("é".repeat(70), sample, 83)).toMatchObject({ encoding: "GSM-7" });
    expect(previewSms("ç".repeat(70), sample, 83)).toMatchObject({
      encoding: "UCS-2",
      segments: 1,
    });
  });
});

describe("SMS quiet hours across time zones", () => {
  const quiet = (timeZone: string) => ({ start: "21:00", end: "08:00", timeZone });

  it.each([
    // 23:30 in New York (EST, UTC−5) → held to 08:00 there, 13:00 UTC.
    ["America/New_York", "2026-12-05T04:30:00Z", "2026-12-05T13:00:00.000Z"],
    // 22:00 in Tokyo (UTC+9) → 08:00 there, 23:00 UTC the same day.
    ["Asia/Tokyo", "2026-12-05T13:00:00Z", "2026-12-05T23:00:00.000Z"],
    // 07:59 in Paris (CET, UTC+1) → 08:00, one minute later.
    ["Europe/Paris", "2026-12-05T06:59:00Z", "2026-12-05T07:00:00.000Z"],
    // 12:00 in Sydney (AEDT, UTC+11): outside, sent at once.
    ["Australia/Sydney", "2026-12-05T01:00:00Z", "2026-12-05T01:00:00.000Z"],
    // 05:00 in Kolkata (UTC+5:30): half-hour offsets too → 08:00 IST = 02:30 UTC.
    ["Asia/Kolkata", "2026-12-04T23:30:00Z", "2026-12-05T02:30:00.000Z"],
  ])("%s at %s → %s", (timeZone, now, expected) => {
    expect(sendTime(new Date(now), 0, quiet(timeZone)).toISOString()).toBe(expected);
  });
});
