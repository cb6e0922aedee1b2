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
