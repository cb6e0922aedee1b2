import { z } from 'zod';
import { outboxTokenContext } from '../identity/emails.ts';
import type { SecretBox } from '../identity/secrets.ts';
import { PermanentError } from '../jobs/effects.ts';

/**
 * A console link as email_log.variables keeps it: a path and, for one-time links, the token still
 * sealed as the outbox event carried it. It is opened only to render the message.
 */
export const storedLinkSchema = z.object({ path: z.string().startsWith('/'), token_sealed: z.string().optional(), topic: z.string().optional() });
export type StoredLink = z.infer<typeof storedLinkSchema>;

export interface LinkSettings {
  box: SecretBox;
  /** The console's public base URL, without a trailing slash. */
  publicUrl: string;
}

/** Opens a token sealed for an outbox topic; one that does not open (wrong SECRETS_KEY, tampered) can never be sent. */
export function openToken(box: SecretBox, sealed: string, topic: string): string {
  try {
    return box.open(sealed, outboxTokenContext(topic));
  } catch {
    throw new PermanentError(`${topic}: the sealed token does not open (SECRETS_KEY differs from the actions service's, or the payload was altered)`);
  }
}

/** Absolute URLs of stored links, by variable name; tokens are opened here and go into the query. */
export function linkUrls(links: unknown, settings: LinkSettings): Record<string, string> {
  const parsed = z.record(z.string(), storedLinkSchema).safeParse(links ?? {});
  if (!parsed.success) throw new PermanentError(`email links: ${parsed.error.message}`);
  return Object.fromEntries(
    Object.entries(parsed.data).map(([name, link]) => {
      const url = new URL(`${settings.publicUrl}${link.path}`);
      if (link.token_sealed !== undefined) url.searchParams.set('token', openToken(settings.box, link.token_sealed, link.topic ?? ''));
      return [name, url.toString()];
    }),
  );
}
