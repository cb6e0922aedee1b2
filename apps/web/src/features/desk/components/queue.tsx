'use client';

import Link from 'next/link';
import { QueryStatus } from '@/components/query-status';
import { useSubscription } from '@/features/graphql/hooks';
import { QueueSubscription } from '../graphql/documents';
import { countdown, nextDue, STATUS_LABEL, useNow } from '../sla';

/** Unresolved tickets, soonest due first, with SLA countdowns; live. */
export function Queue() {
  const { data, error, fetching } = useSubscription(QueueSubscription, {});
  const now = useNow();
  const dueOf = (ticket: Parameters<typeof nextDue>[0]) => nextDue(ticket)?.dueAt ?? Number.POSITIVE_INFINITY;
  const tickets = [...(data?.tickets ?? [])].sort((a, b) => dueOf(a) - dueOf(b));
  return (
    <>
      <h1>Queue</h1>
      <QueryStatus fetching={fetching} error={error} hasData={data !== undefined} />
      {data && tickets.length === 0 ? <p>No open tickets.</p> : null}
      {tickets.length > 0 ? (
        <table aria-label="Tickets">
          <thead>
            <tr>
              <th scope="col">Ticket</th>
              <th scope="col">Status</th>
              <th scope="col">Priority</th>
              <th scope="col">Assignee</th>
              <th scope="col">SLA</th>
            </tr>
          </thead>
          <tbody>
            {tickets.map((ticket) => {
              const sla = countdown(ticket, now);
              return (
                <tr key={ticket.id}>
                  <td>
                    <Link href={`/desk/tickets/${ticket.id}`}>
                      #{ticket.number} {ticket.subject}
                    </Link>
                    <div className="muted">{ticket.requester?.display_name}</div>
                  </td>
                  <td>{STATUS_LABEL[ticket.status] ?? ticket.status}</td>
                  <td>{ticket.priority}</td>
                  <td>{ticket.assignee?.display_name ?? <span className="muted">Unassigned</span>}</td>
                  <td className={sla.overdue ? 'overdue' : undefined}>{sla.text}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
