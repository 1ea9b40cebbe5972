/** A shop's account with an SMS provider, opened from its sealed form only when sending. */
export interface SmsCredentials {
  accountSid: string;
  authToken: string;
  /** An E.164 number of the account, or a messaging service that picks one. */
  from: { phoneNumber: string } | { messagingServiceSid: string };
}

export interface OutgoingSms {
  /** E.164, e.g. +14155550100. */
  to: string;
  body: string;
  /** Where the provider reports the message's delivery status. */
  statusCallbackUrl?: string;
}

export interface SentSms {
  providerMessageId: string;
  status: string;
}

/** A refusal from the provider, with its own error code (e.g. Twilio's 21610: the number sent STOP). */
export class SmsProviderError extends Error {
  override name = "SmsProviderError";
  constructor(
    message: string,
    readonly code: number | null,
    readonly httpStatus: number,
  ) {
    super(message);
  }
}

export interface SmsProvider {
  send(credentials: SmsCredentials, message: OutgoingSms): Promise<SentSms>;
  /** Whether a callback really comes from the provider, before its body is trusted. */
  verifyCallback(input: {
    authToken: string;
    url: string;
    signature: string;
    params: Record<string, string>;
  }): boolean;
}
