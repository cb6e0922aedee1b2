import type { Job } from 'bullmq';
import type { Sql } from 'postgres';
import { asService, type Tx } from '../db-session.ts';
import { PermanentError, type FollowUp, type OutboxEvent } from '../jobs/effects.ts';
import { JOBS, QUEUES } from '../queues.ts';
import { linkUrls, type LinkSettings } from './links.ts';
import type { EmailProvider } from './providers.ts';
import { renderTemplate, resolveTemplate } from './templates.ts';

export interface EmailJobData {
  emailLogId: string;
  /** Null for account emails, which belong to no org. */
  orgId: string | null;
}

export const emailJobId = (emailLogId: string): string => `email.${emailLogId}`;

/**
 * In an event's transaction: log an email to a member (status queued) and return the job that sends
 * it. The recipient's address and locale come from app.member_contact (service sessions cannot read
 * users); a former member gets nothing.
 */
export async function queueEmail(
  tx: Tx,
  event: Pick<OutboxEvent, 'org_id'> & { id: string | null },
  userId: string,
  templateKey: string,
  variables: Record<string, unknown>,
): Promise<FollowUp[]> {
  const [contact] = await tx`select email, locale, display_name from app.member_contact(${userId})`;
  if (!contact) return [];
  return logEmail(tx, event, {
    to: contact.email as string,
    locale: contact.locale as string,
    templateKey,
    variables: { name: contact.display_name as string, ...variables },
  });
}

export interface LoggedEmail {
  to: string;
  locale: string;
  templateKey: string;
  /** Template variables; `links` holds StoredLinks (links.ts), made absolute when rendered. */
  variables: Record<string, unknown>;
}

/** In an event's transaction: log an email (status queued, in the event's org or none) and return the job that sends it. */
export async function logEmail(tx: Tx, event: Pick<OutboxEvent, 'org_id'> & { id: string | null }, email: LoggedEmail): Promise<FollowUp[]> {
  const [row] = await tx`
    insert into email_log (org_id, to_address, template_key, locale, variables, event_id)
    values (${event.org_id}, ${email.to}, ${email.templateKey}, ${email.locale}, ${tx.json(email.variables as never)}, ${event.id})
    returning id`;
  const id = row!.id as string;
  return [{ queue: QUEUES.email, name: JOBS.emailSend, jobId: emailJobId(id), data: { emailLogId: id, orgId: event.org_id } }];
}

/**
 * Processor of email-send jobs: render the logged message (org override or system template), hand
 * it to the provider, record the outcome. At-least-once towards the provider: a crash between the
 * send and the record sends again on retry; Resend drops the repeat by its idempotency key (the
 * email_log id).
 */
export function emailSendProcessor(deps: { sql: Sql; provider: EmailProvider; from: string; links: LinkSettings }) {
  return async (job: Job<EmailJobData>): Promise<string> => {
    const { emailLogId, orgId } = job.data;
    const prepared = await asService(deps.sql, orgId, async (tx) => {
      const [row] = await tx`
        select status, to_address, template_key, locale, variables from email_log where id = ${emailLogId}`;
      if (!row || row.status !== 'queued') return undefined;
      const template = await resolveTemplate(tx, row.template_key as string, row.locale as string);
      return { to: row.to_address as string, template, variables: row.variables as Record<string, unknown> };
    });
    if (!prepared) return 'skipped';

    try {
      // Links (and the one-time tokens in them) exist only in the rendered message, never in the row's variables.
      const { links, ...variables } = prepared.variables;
      const rendered = renderTemplate(prepared.template, { ...variables, ...linkUrls(links, deps.links) });
      const sent = await deps.provider.send({ from: deps.from, to: prepared.to, ...rendered, idempotencyKey: emailLogId });
      const keepBodies = deps.provider.name === 'mailbox';
      await asService(deps.sql, orgId, (tx) => tx`
        update email_log
           set status = 'sent', provider = ${deps.provider.name}, provider_message_id = ${sent.providerMessageId},
               subject = ${rendered.subject}, html_body = ${keepBodies ? rendered.html : null},
               text_body = ${keepBodies ? rendered.text : null}, attempts = attempts + 1, sent_at = now(), error = null
         where id = ${emailLogId}`);
      return 'sent';
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
      const final = error instanceof PermanentError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await asService(deps.sql, orgId, (tx) => tx`
        update email_log
           set attempts = attempts + 1, error = ${message}, provider = ${deps.provider.name},
               status = ${final ? 'failed' : 'queued'}, status_changed_at = case when ${final} then now() end
         where id = ${emailLogId}`);
      if (final && error instanceof PermanentError) return 'failed';
      throw error;
    }
  };
}
