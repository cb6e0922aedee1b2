import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { Job } from 'bullmq';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkUrls, type LinkSettings } from '../src/email/links.ts';
import { emailSendProcessor, type EmailJobData } from '../src/email/send.job.ts';
import { outboxTokenContext } from '../src/identity/emails.ts';
import { SecretBox } from '../src/identity/secrets.ts';
import { mailboxProvider, resendProvider, smtpProvider, type OutgoingEmail } from '../src/email/providers.ts';
import { renderTemplate, resolveTemplate } from '../src/email/templates.ts';
import { PermanentError } from '../src/jobs/effects.ts';
import { createTestOrg, superuserSql, type TestOrg } from './support/org.ts';
import postgres from 'postgres';
import { inject } from 'vitest';

const sql = superuserSql();
const appSql = postgres(inject('appUrl'), { max: 2, onnotice: () => {} });
let org: TestOrg;
beforeAll(async () => {
  org = await createTestOrg(sql, 'Mail', 1);
});
afterAll(async () => {
  await sql.end();
  await appSql.end();
});

const links: LinkSettings = { box: SecretBox.fromConfig('k'.repeat(32)), publicUrl: 'https://work.example' };

const email: OutgoingEmail = { from: 'WorkGrid <no-reply@workgrid.test>', to: 'ada@people.example', subject: 'Hi', html: '<p>Hi</p>', text: 'Hi', idempotencyKey: 'log-1' };

describe('templates', () => {
  it('fill variables, escaping them in HTML and keeping the subject on one line', () => {
    const rendered = renderTemplate(
      { subject: 'About {{title}}', html: '<p>{{title}} by {{ name }}</p>{{missing}}', text: '{{title}}' },
      { title: '<b>x</b>\r\nBcc: evil@x', name: 'Ada & Co' },
    );
    expect(rendered.subject).toBe('About <b>x</b> Bcc: evil@x');
    expect(rendered.html).toBe('<p>&lt;b&gt;x&lt;/b&gt;\r\nBcc: evil@x by Ada &amp; Co</p>');
    expect(rendered.text).toBe('<b>x</b>\r\nBcc: evil@x');
  });

  it('prefer the org\'s override for the locale, then its English one, then the system template', async () => {
    await sql`insert into email_templates (org_id, key, locale, subject, html, text, created_by)
              values (${org.orgId}, 'notification', 'fr', 'FR {{title}}', '<p>fr</p>', 'fr', ${org.owner})`;
    await sql.begin(async (tx) => {
      await tx`set local role workgrid_app`;
      await tx`select set_config('hasura.user', ${JSON.stringify({ 'x-hasura-role': 'service', 'x-hasura-org-id': org.orgId })}, true)`;
      expect((await resolveTemplate(tx, 'notification', 'fr')).subject).toBe('FR {{title}}');
      expect((await resolveTemplate(tx, 'notification', 'de')).text).toContain('In WorkGrid öffnen');
      expect((await resolveTemplate(tx, 'notification', 'pt-BR')).text).toContain('Open in WorkGrid');
    });
  });
});

describe('Resend provider', () => {
  const requests: { headers: IncomingHttpHeaders; body: string; url: string | undefined }[] = [];
  let status = 200;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      requests.push({ headers: req.headers, body, url: req.url });
      res.writeHead(status, { 'content-type': 'application/json' }).end(status === 200 ? '{"id":"re_123"}' : '{"message":"nope"}');
    });
  });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts the message with the API key and the idempotency key', async () => {
    status = 200;
    const sent = await resendProvider('re_key_123', base).send(email);
    expect(sent).toEqual({ providerMessageId: 're_123' });
    const request = requests.at(-1)!;
    expect(request.url).toBe('/emails');
    expect(request.headers.authorization).toBe('Bearer re_key_123');
    expect(request.headers['idempotency-key']).toBe('log-1');
    expect(JSON.parse(request.body)).toEqual({ from: email.from, to: [email.to], subject: 'Hi', html: '<p>Hi</p>', text: 'Hi' });
  });

  it('treats a 4xx refusal as permanent and a 5xx or 429 as retryable', async () => {
    status = 422;
    await expect(resendProvider('k', base).send(email)).rejects.toBeInstanceOf(PermanentError);
    for (const code of [500, 429]) {
      status = code;
      const failure = await resendProvider('k', base).send(email).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      expect(failure).not.toBeInstanceOf(PermanentError);
    }
  });
});

describe('SMTP provider', () => {
  const received: { from: string; to: string[]; data: string }[] = [];
  let server: SMTPServer;
  let port = 0;
  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString()));
        stream.on('end', () => {
          received.push({ from: String(session.envelope.mailFrom && session.envelope.mailFrom.address), to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('delivers the message to the SMTP server', async () => {
    const provider = smtpProvider(`smtp://127.0.0.1:${port}`);
    const sent = await provider.send(email);
    await provider.close?.();
    expect(sent.providerMessageId).toBe('<log-1@workgrid>');
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['ada@people.example']);
    expect(received[0]!.from).toBe('no-reply@workgrid.test');
    expect(received[0]!.data).toContain('Subject: Hi');
  });
});

describe('email-send job', () => {
  async function logEmail(): Promise<string> {
    const [row] = await sql`
      insert into email_log (org_id, to_address, template_key, locale, variables)
      values (${org.orgId}, 'ada@people.example', 'notification', 'en', ${sql.json({ title: 'Hello <Ada>', body: 'b', url: '/x' })}) returning id`;
    return row!.id as string;
  }
  const job = (emailLogId: string, attemptsMade = 0) =>
    ({ data: { emailLogId, orgId: org.orgId }, attemptsMade, opts: { attempts: 3 } }) as unknown as Job<EmailJobData>;

  it('renders, "sends" into the database mailbox, and logs it once', async () => {
    const id = await logEmail();
    const process = emailSendProcessor({ sql: appSql, provider: mailboxProvider, from: 'x@workgrid.test', links });
    expect(await process(job(id))).toBe('sent');
    expect(await process(job(id))).toBe('skipped');
    const [row] = await sql`select status, provider, provider_message_id, subject, html_body, attempts from email_log where id = ${id}`;
    expect(row).toEqual({
      status: 'sent', provider: 'mailbox', provider_message_id: `mailbox-${id}`, subject: 'Hello <Ada>',
      html_body: '<p>Hello &lt;Ada&gt;</p><p>b</p><p><a href="/x">Open in WorkGrid</a></p>', attempts: 1,
    });
  });

  it('leaves rendered bodies out of the audit trail', async () => {
    const id = await logEmail();
    await emailSendProcessor({ sql: appSql, provider: mailboxProvider, from: 'x@workgrid.test', links })(job(id));
    const audits = await sql`select changes from audit_log where table_name = 'email_log' and row_id = ${id} order by occurred_at`;
    const sent = audits.map((a) => a.changes as Record<string, unknown[]>).find((changes) => changes.status?.[1] === 'sent');
    expect(sent).toMatchObject({ html_body: [null, '[omitted]'], text_body: [null, '[omitted]'] });
  });

  it('keeps a retryable failure queued and fails a permanent one', async () => {
    const id = await logEmail();
    const flaky = { name: 'resend' as const, send: async () => { throw new Error('connection reset'); } };
    await expect(emailSendProcessor({ sql: appSql, provider: flaky, from: 'x@workgrid.test', links })(job(id))).rejects.toThrow('connection reset');
    expect((await sql`select status, attempts, error from email_log where id = ${id}`)[0]).toEqual({ status: 'queued', attempts: 1, error: 'connection reset' });
    const refused = { name: 'resend' as const, send: async () => { throw new PermanentError('Resend answered 422'); } };
    expect(await emailSendProcessor({ sql: appSql, provider: refused, from: 'x@workgrid.test', links })(job(id, 1))).toBe('failed');
    expect((await sql`select status, attempts from email_log where id = ${id}`)[0]).toEqual({ status: 'failed', attempts: 2 });
  });
});

describe('email links', () => {
  const topic = 'identity.password_reset_requested';

  it('open sealed tokens into the query of an absolute console URL', () => {
    const sealed = links.box.seal('wge_secret/+=', outboxTokenContext(topic));
    expect(linkUrls({ url: { path: '/reset-password', token_sealed: sealed, topic }, home: { path: '/sign-in' } }, links)).toEqual({
      url: 'https://work.example/reset-password?token=wge_secret%2F%2B%3D',
      home: 'https://work.example/sign-in',
    });
  });

  it('refuse, as permanent, a token sealed with another key, for another topic, or altered', () => {
    const other = SecretBox.fromConfig('o'.repeat(32)).seal('wge_x', outboxTokenContext(topic));
    const sealed = links.box.seal('wge_x', outboxTokenContext(topic));
    const altered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
    for (const [token_sealed, forTopic] of [[other, topic], [sealed, 'identity.invitation_sent'], [altered, topic]] as const) {
      const attempt = () => linkUrls({ url: { path: '/reset-password', token_sealed, topic: forTopic } }, links);
      expect(attempt).toThrow(PermanentError);
      expect(attempt).toThrow(/does not open/);
    }
  });
});
