'use client';

import { QueryStatus } from '@/components/query-status';
import { useSubscription } from '@/features/graphql/hooks';
import { isDeskStaff, useViewer } from '@/features/shell/viewer';
import { TicketSubscription } from '../graphql/documents';
import { countdown, STATUS_LABEL, useNow } from '../sla';
import { Conversation } from './conversation';
import { MessageForm } from './message-form';
import { TicketActions } from './ticket-actions';

/** A ticket as the desk works it, live: conversation with internal notes, assignment, status, macros. */
export function TicketDetail({ ticketId }: { ticketId: string }) {
  const viewer = useViewer();
  const { data, error, fetching } = useSubscription(TicketSubscription, { ticketId });
  const now = useNow();
  const ticket = data?.tickets_by_pk;

  if (!ticket) {
    return (
      <>
        <h1>Ticket</h1>
        <QueryStatus fetching={fetching} error={error} hasData={data !== undefined} />
        {data ? <p>This ticket does not exist or is not visible to you.</p> : null}
      </>
    );
  }
  const merged = ticket.merged_into_id !== null && ticket.merged_into_id !== undefined;
  // Requesters (and members, requesters at the desk) read their ticket here; working it is the desk's.
  const deskStaff = isDeskStaff(viewer.role);
  return (
    <>
      <h1>
        #{ticket.number} {ticket.subject}
      </h1>
      <dl className="facts">
        <dt>Status</dt>
        <dd>{STATUS_LABEL[ticket.status] ?? ticket.status}</dd>
        <dt>Priority</dt>
        <dd>{ticket.priority}</dd>
        <dt>Requester</dt>
        <dd>{ticket.requester?.display_name}</dd>
        <dt>Assignee</dt>
        <dd>{ticket.assignee?.display_name ?? 'Unassigned'}</dd>
        <dt>Queue</dt>
        <dd>{ticket.team?.name ?? 'No queue (triage)'}</dd>
        <dt>SLA</dt>
        <dd>{countdown(ticket, now).text}</dd>
      </dl>
      {ticket.description ? <p>{ticket.description}</p> : null}
      {merged || !deskStaff ? null : <TicketActions ticket={ticket} />}
      <h2>Conversation</h2>
      <Conversation messages={ticket.messages} />
      {merged ? <p>This ticket was merged into another one.</p> : <MessageForm ticketId={ticketId} allowInternal={deskStaff} />}
    </>
  );
}
