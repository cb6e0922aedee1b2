'use client';

import { useState } from 'react';
import { ErrorAlert } from '@/components/error-alert';
import { QueryStatus } from '@/components/query-status';
import { useMutation, useQuery, useSubscription } from '@/features/graphql/hooks';
import { ApplyMacroMutation, MacrosQuery, SetTicketStatusMutation, TicketSubscription } from '../graphql/documents';
import { countdown, NEXT_STATUSES, STATUS_LABEL, useNow } from '../sla';
import { Conversation } from './conversation';
import { MessageForm } from './message-form';

/** A ticket as the desk works it, live: conversation with internal notes, status, macros. */
export function TicketDetail({ ticketId }: { ticketId: string }) {
  const { data, error, fetching } = useSubscription(TicketSubscription, { ticketId });
  const macros = useQuery(MacrosQuery, {});
  const setStatus = useMutation(SetTicketStatusMutation);
  const applyMacro = useMutation(ApplyMacroMutation);
  const [macroId, setMacroId] = useState('');
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
        <dt>SLA</dt>
        <dd>{countdown(ticket, now).text}</dd>
      </dl>
      {ticket.description ? <p>{ticket.description}</p> : null}
      {merged ? null : (
        <section className="card" aria-labelledby="ticket-actions">
          <h2 id="ticket-actions">Change</h2>
          <div className="form-row">
            {(NEXT_STATUSES[ticket.status] ?? []).map((status) => (
              <button key={status} type="button" className="secondary" disabled={setStatus.pending} onClick={() => void setStatus.run({ ticketId, status })}>
                Mark {STATUS_LABEL[status]?.toLowerCase()}
              </button>
            ))}
          </div>
          <form
            className="form-row"
            onSubmit={(event) => {
              event.preventDefault();
              if (macroId) void applyMacro.run({ ticketId, macroId });
            }}
          >
            <div className="field">
              <label htmlFor="macro">Macro</label>
              <select id="macro" value={macroId} onChange={(event) => setMacroId(event.target.value)}>
                <option value="">Choose a macro</option>
                {(macros.data?.ticket_macros ?? []).map((macro) => (
                  <option key={macro.id} value={macro.id}>
                    {macro.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="secondary" disabled={!macroId || applyMacro.pending}>
              Apply macro
            </button>
          </form>
          <ErrorAlert error={setStatus.error ?? applyMacro.error} />
        </section>
      )}
      <h2>Conversation</h2>
      <Conversation messages={ticket.messages} />
      {merged ? <p>This ticket was merged into another one.</p> : <MessageForm ticketId={ticketId} allowInternal />}
    </>
  );
}
