import nodemailer, { type Transporter } from "nodemailer";
import { config } from "../../config.server";

export interface OutgoingEmail {
  fromName: string;
  to: string;
  replyTo: string | null;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

/** The one way Aftercare sends email: SMTP as the deployment configures it (SMTP_URL, SMTP_FROM). */
export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}

export class MailerNotConfigured extends Error {
  override name = "MailerNotConfigured";
}

let transporter: Transporter | undefined;

export const mailer: Mailer = {
  async send(email) {
    const { SMTP_URL, SMTP_FROM } = config();
    if (!SMTP_URL) throw new MailerNotConfigured("SMTP_URL is not set: no email can be sent");
    transporter ??= nodemailer.createTransport(SMTP_URL);
    const info = await transporter.sendMail({
      from: { name: email.fromName, address: SMTP_FROM },
      to: email.to,
      replyTo: email.replyTo ?? undefined,
      subject: email.subject,
      html: email.html,
      text: email.text,
      headers: email.headers,
    });
    return { messageId: info.messageId };
  },
};
