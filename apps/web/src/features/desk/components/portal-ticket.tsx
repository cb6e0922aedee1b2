'use client';

import { QueryStatus } from '@/components/query-status';
import { useSubscription } from '@/features/graphql/hooks';
import { TicketSubscription } from '../graphql/documents';
import { STATUS_LABEL } from '../sla';
import { Conversation } from './conversation';
import { MessageForm } from './message-form';

/** One of the requester's requests: the public conversation (live) and a reply. */
export function PortalTicket({ ticketId }: { ticketId: string }) {
  const { data, error, fetching } = useSubscription(TicketSubscription, { ticketId });
  const ticket = data?.tickets_by_pk;
  if (!ticket) {
    return (
      <>
        <h1>Request</h1>
        <QueryStatus fetching={fetching} error={error} hasData={data !== undefined} />
        {data ? <p>This request does not exist or is not yours.</p> : null}
      </>
    );
  }
  // RLS already hides notes from requesters; desk staff looking at the portal see what requesters see.
  const publicMessages = ticket.messages.filter((message) => message.visibility === 'public');
  return (
    <>
      <h1>
        #{ticket.number} {ticket.subject}
      </h1>
      <p>Status: {STATUS_LABEL[ticket.status] ?? ticket.status}</p>
      {ticket.description ? <p>{ticket.description}</p> : null}
      <h2>Conversation</h2>
      <Conversation messages={publicMessages} />
      {ticket.merged_into_id ? null : <MessageForm ticketId={ticketId} allowInternal={false} />}
    </>
  );
}
