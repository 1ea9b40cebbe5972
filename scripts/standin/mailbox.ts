import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** One message as the mailbox received it over SMTP. */
export interface ReceivedEmail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  receivedAt: string;
}

/**
 * The shoppers' mail server, played by a real SMTP server (`smtp-server`): the app sends to it
 * exactly as it would to a provider, and the demo and the tests read what arrived. An outage
 * makes it refuse messages (to the addresses named, so parallel tests are unaffected) with a
 * temporary error, as a provider does when it is down.
 */
export class Mailbox {
  readonly messages: ReceivedEmail[] = [];
  readonly refusing = new Set<string>();
  private server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo: (address, _session, callback) => {
      if (!this.refusing.has(address.address.toLowerCase())) return callback();
      const error = new Error("Mailbox unavailable, try again later") as Error & {
        responseCode: number;
      };
      error.responseCode = 451;
      callback(error);
    },
    onData: (stream, session, callback) => {
      simpleParser(stream)
        .then((parsed) => {
          this.messages.push({
            from: parsed.from?.text ?? "",
            to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            headers: Object.fromEntries(
              [...parsed.headerLines].map((line) => [
                line.key,
                line.line.slice(line.line.indexOf(":") + 1).trim(),
              ]),
            ),
            receivedAt: new Date().toISOString(),
          });
          callback();
        })
        .catch(callback);
    },
  });
  private port = 0;

  async listen(host = "127.0.0.1") {
    await new Promise<void>((resolve) => this.server.listen(0, host, resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  /** For the app's SMTP_URL. */
  get smtpUrl() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string) {
    const wanted = address.toLowerCase();
    return this.messages.filter((message) => message.to.includes(wanted));
  }

  close() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
