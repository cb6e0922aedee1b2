'use client';

import { useState } from 'react';
import { DateTime } from '@/components/date-time';
import { QueryStatus } from '@/components/query-status';
import { useQuery } from '@/features/graphql/hooks';
import { MailboxQuery } from './documents';
import { MailboxMessage } from './mailbox-message';

/** The developer mailbox: what the worker recorded in email_log (bodies when the provider is the local mailbox). */
export function MailboxAdmin() {
  const { data, error, fetching, refetch } = useQuery(MailboxQuery, {});
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  return (
    <>
      <h1>Mailbox</h1>
      <p className="muted">
        Emails of this organization as the worker recorded them. With <code>EMAIL_PROVIDER=mailbox</code> nothing leaves the machine and the full
        message is kept here.
      </p>
      <p>
        <button type="button" className="secondary" onClick={refetch} disabled={fetching}>
          Refresh
        </button>
      </p>
      <QueryStatus fetching={fetching} error={error} hasData={data !== undefined} />
      {data && data.email_log.length === 0 ? <p>No emails yet.</p> : null}
      {data && data.email_log.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Subject</th>
                <th scope="col">To</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {data.email_log.map((email) => (
                <tr key={email.id}>
                  <th scope="row">
                    <button type="button" className="secondary" aria-expanded={openId === email.id} onClick={() => setOpenId(openId === email.id ? undefined : email.id)}>
                      {email.subject ?? email.template_key}
                    </button>
                  </th>
                  <td>{email.to_address}</td>
                  <td>
                    <span className="badge">{email.status}</span>
                  </td>
                  <td>
                    <DateTime value={email.created_at} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {openId ? <MailboxMessage id={openId} /> : null}
    </>
  );
}
