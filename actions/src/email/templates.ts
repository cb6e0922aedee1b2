import type { Tx } from '../db-session.ts';

export interface Template {
  subject: string;
  html: string;
  text: string;
}

export type RenderedEmail = Template;

/**
 * System default templates by key and locale ("en" is the fallback of every locale). An org
 * overrides one in email_templates; add a locale by adding an entry here (or an org override).
 */
export const SYSTEM_TEMPLATES: Record<string, Record<string, Template>> = {
  'notification': {
    en: {
      subject: '{{title}}',
      html: '<p>{{title}}</p><p>{{body}}</p><p><a href="{{url}}">Open in WorkGrid</a></p>',
      text: '{{title}}\n\n{{body}}\n\nOpen in WorkGrid: {{url}}',
    },
    de: {
      subject: '{{title}}',
      html: '<p>{{title}}</p><p>{{body}}</p><p><a href="{{url}}">In WorkGrid öffnen</a></p>',
      text: '{{title}}\n\n{{body}}\n\nIn WorkGrid öffnen: {{url}}',
    },
  },
  'notification.digest': {
    en: {
      subject: 'Your WorkGrid digest: {{count}} new notifications',
      html: '<p>Hello {{name}},</p><p>You have {{count}} new notifications:</p><pre>{{items}}</pre>',
      text: 'Hello {{name}},\n\nYou have {{count}} new notifications:\n\n{{items}}',
    },
  },
  // Service desk (jobs/ticket-events.ts). Replying keeps "[#number]" in the subject, which files the answer on the ticket.
  'ticket.reply': {
    en: {
      subject: '[#{{number}}] {{subject}}',
      html: '<p>Hello {{name}},</p><div style="white-space: pre-wrap">{{body}}</div><p><a href="{{url}}">View your request</a></p><p>Reply to this email to answer.</p>',
      text: 'Hello {{name}},\n\n{{body}}\n\nView your request: {{url}}\n\nReply to this email to answer.',
    },
  },
  'ticket.satisfaction': {
    en: {
      subject: '[#{{number}}] How did we do?',
      html: '<p>Hello {{name}},</p><p>Your request "{{subject}}" was resolved. How satisfied are you with the help you got?</p><p><a href="{{url}}">Rate our answer</a></p>',
      text: 'Hello {{name}},\n\nYour request "{{subject}}" was resolved. How satisfied are you with the help you got?\n\nRate our answer: {{url}}',
    },
  },
  // Identity emails (jobs/identity-emails.ts). Their links carry one-time tokens: see docs/security.md.
  'identity.verify_email': {
    en: {
      subject: 'Confirm your email address for WorkGrid',
      html: '<p>Hello {{name}},</p><p>Confirm your email address to start using WorkGrid:</p><p><a href="{{url}}">Confirm my address</a></p><p>The link works once, within 48 hours. If you did not sign up, ignore this email.</p>',
      text: 'Hello {{name}},\n\nConfirm your email address to start using WorkGrid:\n\n{{url}}\n\nThe link works once, within 48 hours. If you did not sign up, ignore this email.',
    },
  },
  'identity.reset_password': {
    en: {
      subject: 'Reset your WorkGrid password',
      html: '<p>Hello {{name}},</p><p>Someone asked to reset the password of your WorkGrid account. To choose a new one:</p><p><a href="{{url}}">Reset my password</a></p><p>The link works once, within an hour. If it was not you, ignore this email: your password stays as it is.</p>',
      text: 'Hello {{name}},\n\nSomeone asked to reset the password of your WorkGrid account. To choose a new one:\n\n{{url}}\n\nThe link works once, within an hour. If it was not you, ignore this email: your password stays as it is.',
    },
  },
  'identity.invitation': {
    en: {
      subject: '{{inviter_name}} invited you to {{org_name}} on WorkGrid',
      html: '<p>{{inviter_name}} invited you to join {{org_name}} on WorkGrid.</p><p><a href="{{url}}">Accept the invitation</a></p><p>The invitation is valid until {{expires_at}}.</p>',
      text: '{{inviter_name}} invited you to join {{org_name}} on WorkGrid.\n\nAccept the invitation: {{url}}\n\nThe invitation is valid until {{expires_at}}.',
    },
  },
  'identity.sign_up_existing': {
    en: {
      subject: 'Someone tried to sign up to WorkGrid with your address',
      html: '<p>Hello {{name}},</p><p>Someone tried to create a WorkGrid account with this email address, which already has one. If it was you, <a href="{{sign_in_url}}">sign in</a> instead, or <a href="{{reset_url}}">reset your password</a> if you forgot it.</p><p>If it was not you, ignore this email: nothing has changed.</p>',
      text: 'Hello {{name}},\n\nSomeone tried to create a WorkGrid account with this email address, which already has one. If it was you, sign in instead: {{sign_in_url}}\nForgot your password? Reset it: {{reset_url}}\n\nIf it was not you, ignore this email: nothing has changed.',
    },
  },
};

const escapeHtml = (value: string): string =>
  value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

/** Fills {{name}} placeholders; unknown names become empty. HTML gets escaped values; the subject is one line. */
export function renderTemplate(template: Template, variables: Record<string, unknown>): RenderedEmail {
  const fill = (source: string, escape: (value: string) => string) =>
    source.replace(/\{\{\s*([a-zA-Z0-9_.]+)\s*\}\}/g, (_match, name: string) => {
      const value = variables[name];
      return value === undefined || value === null ? '' : escape(String(value));
    });
  return {
    subject: fill(template.subject, (value) => value.replace(/[\r\n]+/g, ' ')).slice(0, 300),
    html: fill(template.html, escapeHtml),
    text: fill(template.text, (value) => value),
  };
}

/** The template to use: the org's override for the locale, then its "en" one, then the system's. */
export async function resolveTemplate(tx: Tx, key: string, locale: string): Promise<Template> {
  const rows = (await tx`
    select locale, subject, html, text from email_templates
     where key = ${key} and locale in (${locale}, 'en')`) as unknown as (Template & { locale: string })[];
  const override = rows.find((row) => row.locale === locale) ?? rows.find((row) => row.locale === 'en');
  if (override) return { subject: override.subject, html: override.html, text: override.text };
  const system = SYSTEM_TEMPLATES[key];
  const template = system?.[locale] ?? system?.[locale.split('-')[0] ?? 'en'] ?? system?.en;
  if (!template) throw new Error(`no email template ${key}`);
  return template;
}
