import { z } from 'zod';
import type { Tx } from '../db-session.ts';
import { openToken } from '../email/links.ts';
import { logEmail } from '../email/send.job.ts';
import { EMAIL_TOPICS } from '../identity/emails.ts';
import { tokenHash, type SecretBox } from '../identity/secrets.ts';
import { PermanentError, type EffectHandler, type OutboxEvent } from './effects.ts';

/** System template keys of the identity emails (email/templates.ts). */
export const IDENTITY_TEMPLATES = {
  verifyEmail: 'identity.verify_email',
  resetPassword: 'identity.reset_password',
  invitation: 'identity.invitation',
  signUpExisting: 'identity.sign_up_existing',
} as const;

/** Console pages the links open (the token goes in `?token=`). */
export const CONSOLE_PATHS = {
  verifyEmail: '/verify-email',
  resetPassword: '/reset-password',
  acceptInvitation: '/invitations/accept',
  signIn: '/sign-in',
} as const;

const accountPayload = z.object({ user_id: z.guid(), email: z.string().min(3) });
const tokenPayload = accountPayload.extend({ token_sealed: z.string() });
const invitationPayload = z.object({ invitation_id: z.guid(), email: z.string().min(3), token_sealed: z.string() });

function parse<T>(schema: z.ZodType<T>, event: OutboxEvent): T {
  const parsed = schema.safeParse(event.payload);
  // The message names fields only: a payload value may be a sealed token.
  if (!parsed.success) throw new PermanentError(`${event.topic} payload: invalid ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  return parsed.data;
}

interface Contact {
  locale: string;
  display_name: string;
}

async function accountContact(tx: Tx, userId: string): Promise<Contact | undefined> {
  const [contact] = await tx<Contact[]>`select locale, display_name from app.account_contact(${userId})`;
  return contact;
}

/**
 * A mail with a one-time link to the account's user, at the address the token was issued for. The
 * token is opened here only to refuse at once an event that can never be sent; the log keeps it sealed.
 */
function accountLinkEmail(box: SecretBox, templateKey: string, path: string): EffectHandler {
  return async (tx, event) => {
    const payload = parse(tokenPayload, event);
    openToken(box, payload.token_sealed, event.topic);
    const contact = await accountContact(tx, payload.user_id);
    if (!contact) return [];
    return logEmail(tx, event, {
      to: payload.email,
      locale: contact.locale,
      templateKey,
      variables: { name: contact.display_name, links: { url: { path, token_sealed: payload.token_sealed, topic: event.topic } } },
    });
  };
}

const invitationEmail = (box: SecretBox): EffectHandler => async (tx, event) => {
  const payload = parse(invitationPayload, event);
  const token = openToken(box, payload.token_sealed, event.topic);
  const [invitation] = await tx<{ locale: string; org_name: string; inviter_name: string | null; expires_at: Date }[]>`
    select locale, org_name, inviter_name, expires_at from app.invitation_mail(${payload.invitation_id}, ${tokenHash(token)})`;
  // Accepted, revoked, or re-sent with a new token (whose own event sends the live link): nothing to send.
  if (!invitation) return [];
  return logEmail(tx, event, {
    to: payload.email,
    locale: invitation.locale,
    templateKey: IDENTITY_TEMPLATES.invitation,
    variables: {
      org_name: invitation.org_name,
      inviter_name: invitation.inviter_name ?? invitation.org_name,
      expires_at: invitation.expires_at.toISOString().slice(0, 10),
      links: { url: { path: CONSOLE_PATHS.acceptInvitation, token_sealed: payload.token_sealed, topic: event.topic } },
    },
  });
};

/** Someone tried to sign up with a registered address: tell its owner how to get in instead. No token. */
const signUpNotice: EffectHandler = async (tx, event) => {
  const payload = parse(accountPayload, event);
  const contact = await accountContact(tx, payload.user_id);
  if (!contact) return [];
  return logEmail(tx, event, {
    to: payload.email,
    locale: contact.locale,
    templateKey: IDENTITY_TEMPLATES.signUpExisting,
    variables: { name: contact.display_name, links: { sign_in_url: { path: CONSOLE_PATHS.signIn }, reset_url: { path: CONSOLE_PATHS.resetPassword } } },
  });
};

/** Effect handlers of the identity email topics: each logs one email and returns its send job. */
export function identityEmailHandlers(box: SecretBox): Record<string, EffectHandler> {
  return {
    [EMAIL_TOPICS.verifyEmail]: accountLinkEmail(box, IDENTITY_TEMPLATES.verifyEmail, CONSOLE_PATHS.verifyEmail),
    [EMAIL_TOPICS.resetPassword]: accountLinkEmail(box, IDENTITY_TEMPLATES.resetPassword, CONSOLE_PATHS.resetPassword),
    [EMAIL_TOPICS.invitation]: invitationEmail(box),
    [EMAIL_TOPICS.signUpExisting]: signUpNotice,
  };
}
