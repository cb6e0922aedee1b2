'use client';

import { DateTime } from '@/components/date-time';
import { QueryStatus } from '@/components/query-status';
import { useQuery } from '@/features/graphql/hooks';
import { MailboxMessageQuery } from './documents';

/** One recorded email with its bodies; the HTML is shown in a sandbox that runs no script. */
export function MailboxMessage({ id }: { id: string }) {
  const { data, error, fetching } = useQuery(MailboxMessageQuery, { id });
  const message = data?.email_log_by_pk;
  return (
    <section aria-labelledby="message-heading" className="card">
      <QueryStatus fetching={fetching} error={error} hasData={data !== undefined} />
      {data && !message ? <p>This email is no longer in the log.</p> : null}
      {message ? (
        <>
          <h2 id="message-heading">{message.subject ?? '(not rendered yet)'}</h2>
          <dl>
            <dt>To</dt>
            <dd>{message.to_address}</dd>
            <dt>Status</dt>
            <dd>
              {message.status}
              {message.provider ? ` (${message.provider})` : ''}
              {message.error ? ` — ${message.error}` : ''}
            </dd>
            <dt>Sent</dt>
            <dd>
              <DateTime value={message.sent_at} />
            </dd>
          </dl>
          {message.html_body ? (
            <>
              <h3>HTML</h3>
              <iframe className="mail-preview" title={`HTML body of ${message.subject ?? 'the email'}`} sandbox="" srcDoc={message.html_body} />
            </>
          ) : null}
          {message.text_body ? (
            <>
              <h3>Text</h3>
              <pre className="text-body">{message.text_body}</pre>
            </>
          ) : null}
          {!message.html_body && !message.text_body ? (
            <p className="muted">No body recorded: only the local mailbox provider keeps bodies, once the worker has sent the email.</p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
