/**
 * The keywords Twilio acts on in an inbound text (single word, any case): opt-out, opt-in and
 * help (https://help.twilio.com/articles/223134027, "Twilio support for opt-out keywords").
 */
const OPT_OUT = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"]);
const OPT_IN = new Set(["START", "YES", "UNSTOP"]);
const HELP = new Set(["HELP", "INFO"]);

export type SmsKeyword = "opt_out" | "opt_in" | "help";

/** The keyword an inbound body is, if any: only a message that is the word alone counts. */
export function smsKeyword(body: string): SmsKeyword | null {
  const word = body.trim().toUpperCase();
  if (OPT_OUT.has(word)) return "opt_out";
  if (OPT_IN.has(word)) return "opt_in";
  if (HELP.has(word)) return "help";
  return null;
}
