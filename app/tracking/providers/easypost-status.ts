import { status, type Status } from "../status";

/**
 * EasyPost tracker `status` and `status_detail` onto our model
 * (https://docs.easypost.com/docs/trackers#tracking-statuses): the detail decides when we know it,
 * else the status.
 */
const BY_DETAIL: Record<string, string> = {
  label_created: "InfoReceived_001",
  arrived_at_facility: "InTransit_003",
  arrived_at_destination: "InTransit_003",
  departed_facility: "InTransit_007",
  departed_origin_facility: "InTransit_007",
  received_at_origin_facility: "InTransit_002",
  received_at_destination_facility: "InTransit_003",
  transferred_to_destination_carrier: "InTransit_001",
  in_transit: "InTransit_001",
  customs_clearance: "InTransit_006",
  forwarded: "InTransit_009",
  rescheduled: "OutForDelivery_004",
  out_for_delivery: "OutForDelivery_001",
  arrived_at_pickup_location: "AvailableForPickup_001",
  delivery_attempt: "AttemptFail_001",
  address_correction: "Exception_007",
  incorrect_address: "Exception_007",
  return: "Exception_010",
  return_to_sender: "Exception_010",
  weather_delay: "Exception_017",
  delayed: "Exception_005",
  damaged: "Exception_012",
  lost: "Exception_013",
  refused: "Exception_003",
  held: "Exception_006",
  cancelled: "Exception_020",
  delivery_exception: "Exception_001",
  missorted: "Exception_016",
  failure: "Exception_001",
};

const BY_STATUS: Record<string, string> = {
  unknown: "Pending_001",
  pre_transit: "InfoReceived_001",
  in_transit: "InTransit_001",
  out_for_delivery: "OutForDelivery_001",
  available_for_pickup: "AvailableForPickup_001",
  delivered: "Delivered_001",
  return_to_sender: "Exception_011",
  failure: "Exception_001",
  cancelled: "Exception_020",
  error: "Exception_001",
};

/** Statuses whose detail says more than the status itself. */
const REFINED_BY_DETAIL = new Set([
  "in_transit",
  "out_for_delivery",
  "failure",
  "return_to_sender",
]);

export function fromEasyPost(statusName: string, detail: string | null | undefined): Status {
  const refined = detail && REFINED_BY_DETAIL.has(statusName) ? BY_DETAIL[detail] : undefined;
  return status(refined || BY_STATUS[statusName] || "Pending_001");
}
