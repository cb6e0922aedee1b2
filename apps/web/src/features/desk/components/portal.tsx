'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/field';
import { QueryStatus } from '@/components/query-status';
import { useMutation, useSubscription } from '@/features/graphql/hooks';
import { useViewer } from '@/features/shell/viewer';
import { MyRequestsSubscription, RaiseRequestMutation } from '../graphql/documents';
import { STATUS_LABEL } from '../sla';

/** The requester's side of the desk: their own requests, and a new one. */
export function Portal() {
  const viewer = useViewer();
  const { data, error, fetching } = useSubscription(MyRequestsSubscription, { userId: viewer.user.id });
  const raise = useMutation(RaiseRequestMutation);
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [raised, setRaised] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await raise.run({ subject, description: description || null });
    if (result?.insert_tickets_one) {
      setRaised(`Request #${result.insert_tickets_one.number} raised.`);
      setSubject('');
      setDescription('');
    }
  };
  const tickets = data?.tickets ?? [];
  return (
    <>
      <h1>My requests</h1>
      <QueryStatus fetching={fetching} error={error} hasData={data !== undefined} />
      {data && tickets.length === 0 ? <p>You have no requests.</p> : null}
      <ul aria-label="My requests">
        {tickets.map((ticket) => (
          <li key={ticket.id}>
            <Link href={`/portal/tickets/${ticket.id}`}>
              #{ticket.number} {ticket.subject}
            </Link>{' '}
            <span className="muted">{STATUS_LABEL[ticket.status] ?? ticket.status}</span>
          </li>
        ))}
      </ul>
      <form className="card" onSubmit={(event) => void submit(event)}>
        <h2>Raise a request</h2>
        <Field label="Subject" name="subject" required value={subject} onChange={(event) => setSubject(event.target.value)} />
        <div className="field">
          <label htmlFor="request-description">Details</label>
          <textarea id="request-description" rows={4} value={description} onChange={(event) => setDescription(event.target.value)} />
        </div>
        <ErrorAlert error={raise.error} />
        <p role="status">{raised}</p>
        <button type="submit" disabled={raise.pending}>
          Raise request
        </button>
      </form>
    </>
  );
}
