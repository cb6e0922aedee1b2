import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import postgres, { type Sql } from 'postgres';
import { inject } from 'vitest';
import { mailboxProvider } from '../../../../actions/src/email/providers.ts';
import { emailSendProcessor, type EmailJobData } from '../../../../actions/src/email/send.job.ts';
import { SecretBox } from '../../../../actions/src/identity/secrets.ts';
import { identityEmailHandlers } from '../../../../actions/src/jobs/identity-emails.ts';
import { outboxEventProcessor } from '../../../../actions/src/jobs/outbox-event.ts';
import type { OutboxJobData } from '../../../../actions/src/outbox/relay.ts';
import { JOBS, QUEUES, type QueueName } from '../../../../actions/src/queues.ts';
import type { TestService } from '../../../../actions/test/support/identity.ts';

const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };

/**
 * Does for one outbox event what the worker does: its email is logged (outbox-event job) and sent
 * through the local mailbox provider (email-send job), with the worker's own processors on real
 * BullMQ jobs. No outbox relay runs here: a relay claims the due events of every org, which would
 * take events from the worker's own tests.
 */
export async function deliverEmailOf(service: TestService, superuser: Sql, topic: string, email: string, publicUrl: string): Promise<void> {
  const [event] = await superuser<{ id: string; org_id: string | null }[]>`
    select id, org_id from outbox_events where topic = ${topic} and payload ->> 'email' = ${email.toLowerCase()}
     order by created_at desc limit 1`;
  if (!event) throw new Error(`no outbox event ${topic} for ${email}`);
  const sql = postgres(inject('appUrl'), { max: 2, onnotice: () => {} });
  const connection = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
  const prefix = `console-test-${randomUUID()}`;
  const queues = Object.fromEntries(Object.values(QUEUES).map((name) => [name, new Queue(name, { connection, prefix })])) as Record<QueueName, Queue>;
  try {
    const box = SecretBox.fromConfig(service.config.SECRETS_KEY, service.config.ACTIONS_SECRET);
    const logEmail = outboxEventProcessor({ sql, queues, log: silent, backoff: { baseMs: 10, maxMs: 40 }, leaseSeconds: 60, handlers: identityEmailHandlers(box) });
    const outboxJob = await queues[QUEUES.email].add(JOBS.outboxEvent, { eventId: event.id, orgId: event.org_id, topic } satisfies OutboxJobData);
    if ((await logEmail(outboxJob)) !== 'delivered') throw new Error(`outbox event ${event.id} was not delivered`);
    const send = emailSendProcessor({ sql, provider: mailboxProvider, from: 'WorkGrid <no-reply@workgrid.test>', links: { box, publicUrl } });
    const sendJobs = (await queues[QUEUES.email].getJobs(['waiting', 'prioritized', 'delayed'])).filter((job) => job.name === JOBS.emailSend);
    for (const job of sendJobs) await send(job as typeof job & { data: EmailJobData });
  } finally {
    for (const queue of Object.values(queues)) await queue.obliterate({ force: true }).then(() => queue.close());
    connection.disconnect();
    await sql.end();
  }
}
