import { defineSubscriber } from "../platform/events/index.server";
import { advanceReturnFromParcel } from "../returns/index.server";
import { returnOfShipment } from "../tracking/index.server";

/**
 * A return's parcel moved → the return moves with it (first scan: in transit; delivered to the
 * shop: received) and, as the policy says, its automatic refund is scheduled. Every step only
 * moves a return forward from where it is, so a repeated event changes nothing.
 */
export const returnParcel = defineSubscriber({
  name: "flows.return-parcel",
  events: ["shipment.status_changed"],
  async handle({ shop, data }) {
    if (!data.isReturn) return;
    const returnId = await returnOfShipment(shop, data.shipmentId);
    if (!returnId) return;
    await advanceReturnFromParcel(shop, returnId, data.current.tag);
  },
});
