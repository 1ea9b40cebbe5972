import { describe, expect, it } from "vitest";
import { statusesBefore } from "./delivery-status";
import { smsKeyword } from "./keywords";

/** Keywords from https://help.twilio.com/articles/223134027 (single word, any case). */
describe("smsKeyword", () => {
  it.each([
    ["STOP", "opt_out"],
    [" stop ", "opt_out"],
    ["StopAll", "opt_out"],
    ["UNSUBSCRIBE", "opt_out"],
    ["cancel", "opt_out"],
    ["END", "opt_out"],
    ["quit", "opt_out"],
    ["START", "opt_in"],
    ["yes", "opt_in"],
    ["UNSTOP", "opt_in"],
    ["HELP", "help"],
    ["info", "help"],
    // Only the word alone counts (Twilio: "STOP PLEASE" does not opt out).
    ["STOP PLEASE", null],
    ["please cancel", null],
    ["thanks!", null],
  ])("%j → %s", (body, expected) => {
    expect(smsKeyword(body)).toBe(expected);
  });
});

describe("statusesBefore", () => {
  it("lets a status replace only the ones before it, so callbacks never move backwards", () => {
    expect(statusesBefore("delivered").sort()).toEqual(
      ["accepted", "queued", "scheduled", "sending", "sent"].sort(),
    );
    expect(statusesBefore("sent")).not.toContain("delivered");
    expect(statusesBefore("queued")).toEqual(["accepted", "scheduled"]);
    expect(statusesBefore("undelivered")).not.toContain("delivered");
    expect(statusesBefore("bogus")).toEqual([]);
  });
});
