/** Notifications' public face: what other capabilities and flows may use. */
export { notify, type NotifyRequest, type NotifyResult, type TriggerName } from "./notify.server";
