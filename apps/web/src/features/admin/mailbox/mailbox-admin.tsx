'use client';

import { useState } from 'react';
import { DataTable } from '@/components/data-table';
import { DateTime } from '@/components/date-time';
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
      <DataTable
        query={{ fetching, error }}
        rows={data?.email_log}
        rowKey={(email) => email.id}
        empty="No emails yet."
        columns={[
          {
            header: 'Subject',
            rowHeader: true,
            cell: (email) => (
              <button type="button" className="secondary" aria-expanded={openId === email.id} onClick={() => setOpenId(openId === email.id ? undefined : email.id)}>
                {email.subject ?? email.template_key}
              </button>
            ),
          },
          { header: 'To', cell: (email) => email.to_address },
          { header: 'Status', cell: (email) => <span className="badge">{email.status}</span> },
          { header: 'Created', cell: (email) => <DateTime value={email.created_at} /> },
        ]}
      />
      {openId ? <MailboxMessage id={openId} /> : null}
    </>
  );
}
