import nodemailer from 'nodemailer';
import { PermanentError } from '../jobs/effects.ts';

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The email_log id: providers that support it dedupe retries with it. */
  idempotencyKey: string;
}

export interface SentEmail {
  providerMessageId: string;
}

/** Where email goes. `mailbox` sends nothing: the worker keeps the rendered message in email_log. */
export interface EmailProvider {
  readonly name: 'resend' | 'smtp' | 'mailbox';
  send(email: OutgoingEmail): Promise<SentEmail>;
  close?(): Promise<void>;
}

export const mailboxProvider: EmailProvider = {
  name: 'mailbox',
  send: async (email) => ({ providerMessageId: `mailbox-${email.idempotencyKey}` }),
};

/** Resend's HTTP API (POST /emails). 4xx other than 429 cannot succeed on retry: permanent. */
export function resendProvider(apiKey: string, baseUrl = 'https://api.resend.com', timeoutMs = 10_000): EmailProvider {
  return {
    name: 'resend',
    send: async (email) => {
      const response = await fetch(new URL('/emails', baseUrl), {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', 'idempotency-key': email.idempotencyKey },
        body: JSON.stringify({ from: email.from, to: [email.to], subject: email.subject, html: email.html, text: email.text }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const answer = (await response.json().catch(() => ({}))) as { id?: unknown; message?: unknown };
      if (!response.ok) {
        const message = `Resend answered ${response.status}${typeof answer.message === 'string' ? `: ${answer.message}` : ''}`;
        if (response.status >= 400 && response.status < 500 && response.status !== 429) throw new PermanentError(message);
        throw new Error(message);
      }
      if (typeof answer.id !== 'string') throw new Error('Resend answered without a message id');
      return { providerMessageId: answer.id };
    },
  };
}

/** Any SMTP server (nodemailer), e.g. smtp://user:pass@host:587. 5xx replies are permanent. */
export function smtpProvider(url: string): EmailProvider {
  const transport = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    send: async (email) => {
      try {
        const info = await transport.sendMail({
          from: email.from, to: email.to, subject: email.subject, html: email.html, text: email.text,
          messageId: `<${email.idempotencyKey}@workgrid>`,
        });
        return { providerMessageId: String(info.messageId) };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        if (code !== undefined && code >= 500) throw new PermanentError(`SMTP ${code}: ${(error as Error).message}`);
        throw error;
      }
    },
    close: async () => transport.close(),
  };
}

export interface EmailSettings {
  EMAIL_PROVIDER: 'mailbox' | 'resend' | 'smtp';
  RESEND_API_KEY?: string | undefined;
  RESEND_API_URL: string;
  SMTP_URL?: string | undefined;
}

export function providerFromConfig(config: EmailSettings): EmailProvider {
  switch (config.EMAIL_PROVIDER) {
    case 'resend':
      if (!config.RESEND_API_KEY) throw new Error('EMAIL_PROVIDER=resend needs RESEND_API_KEY');
      return resendProvider(config.RESEND_API_KEY, config.RESEND_API_URL);
    case 'smtp':
      if (!config.SMTP_URL) throw new Error('EMAIL_PROVIDER=smtp needs SMTP_URL');
      return smtpProvider(config.SMTP_URL);
    default:
      return mailboxProvider;
  }
}
