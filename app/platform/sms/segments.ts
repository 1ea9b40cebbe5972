import { SegmentedMessage } from "sms-segments-calculator";

export interface SegmentCount {
  /** GSM-7 (160 characters in one segment, 153 when split) or UCS-2 (70, 67 when split). */
  encoding: "GSM-7" | "UCS-2";
  segments: number;
  characters: number;
}

/** How carriers will split a message body, as Twilio bills it (one price per segment). */
export function countSegments(body: string): SegmentCount {
  const message = new SegmentedMessage(body);
  return {
    encoding: message.encodingName === "UCS-2" ? "UCS-2" : "GSM-7",
    segments: message.segmentsCount,
    characters: message.numberOfCharacters,
  };
}

/**
 * The cost of sending a body once, from a per-segment price in the smallest currency unit
 * (e.g. 83 for Twilio's US $0.0083), so the merchant sees it before turning a trigger on.
 */
export function estimateCost(body: string, pricePerSegment: number) {
  const count = countSegments(body);
  return { ...count, cost: count.segments * pricePerSegment };
}
