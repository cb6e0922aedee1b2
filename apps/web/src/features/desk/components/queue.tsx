'use client';

import Link from 'next/link';
import { DataTable } from '@/components/data-table';
import { useSubscription } from '@/features/graphql/hooks';
import { QueueSubscription } from '../graphql/documents';
import { countdown, nextDue, STATUS_LABEL, useNow } from '../sla';

/** Unresolved tickets, soonest due first, with SLA countdowns; live. */
export function Queue() {
  const { data, error, fetching } = useSubscription(QueueSubscription, {});
  const now = useNow();
  const dueOf = (ticket: Parameters<typeof nextDue>[0]) => nextDue(ticket)?.dueAt ?? Number.POSITIVE_INFINITY;
  const tickets = data ? [...data.tickets].sort((a, b) => dueOf(a) - dueOf(b)) : undefined;
  return (
    <>
      <h1>Queue</h1>
      <DataTable
        label="Tickets"
        query={{ fetching, error }}
        rows={tickets}
        rowKey={(ticket) => ticket.id}
        empty="No open tickets."
        columns={[
          {
            header: 'Ticket',
            cell: (ticket) => (
              <>
                <Link href={`/desk/tickets/${ticket.id}`}>
                  #{ticket.number} {ticket.subject}
                </Link>
                <div className="muted">{ticket.requester?.display_name}</div>
              </>
            ),
          },
          { header: 'Status', cell: (ticket) => STATUS_LABEL[ticket.status] ?? ticket.status },
          { header: 'Priority', cell: (ticket) => ticket.priority },
          { header: 'Queue', cell: (ticket) => ticket.team?.name ?? <span className="muted">Triage</span> },
          { header: 'Assignee', cell: (ticket) => ticket.assignee?.display_name ?? <span className="muted">Unassigned</span> },
          { header: 'SLA', cell: (ticket) => countdown(ticket, now).text, cellClassName: (ticket) => (countdown(ticket, now).overdue ? 'overdue' : undefined) },
        ]}
      />
    </>
  );
}
