/** History's public face: what the admin and the install hook use. */
export {
  DEFAULT_MONTHS,
  MAX_MONTHS,
  historyImportProgress,
  type HistoryImportProgress,
} from "./import.server";
export { importHistoryFromShopify, scheduleHistoryImportOnInstall } from "./jobs.server";
