'use client';

import { useState } from 'react';
import { ErrorAlert } from '@/components/error-alert';
import { useMutation, useQuery } from '@/features/graphql/hooks';
import { ApplyMacroMutation, MacrosQuery, SetTicketStatusMutation } from '../graphql/documents';
import { NEXT_STATUSES, STATUS_LABEL } from '../sla';
import { TicketRouting, type RoutedTicket } from './ticket-routing';

type WorkedTicket = RoutedTicket & { status: string };

/** What the desk changes on a ticket: assignment, priority and queue, status, macros. */
export function TicketActions({ ticket }: { ticket: WorkedTicket }) {
  const macros = useQuery(MacrosQuery, {});
  const setStatus = useMutation(SetTicketStatusMutation);
  const applyMacro = useMutation(ApplyMacroMutation);
  const [macroId, setMacroId] = useState('');
  const ticketId = ticket.id;
  return (
    <section className="card" aria-labelledby="ticket-actions">
      <h2 id="ticket-actions">Change</h2>
      <TicketRouting ticket={ticket} />
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
  );
}
