'use client';

import { useState } from 'react';
import { ErrorAlert } from '@/components/error-alert';
import { ConsoleError, humanMessage } from '@/features/errors/console-error';
import { useMutation, useQuery } from '@/features/graphql/hooks';
import { useViewer } from '@/features/shell/viewer';
import { RouteTicketMutation, TicketRoutingOptionsQuery } from '../graphql/documents';

const PRIORITIES = ['low', 'normal', 'high', 'urgent'];

type RoutingField = 'assignee_id' | 'priority' | 'team_id';

/** Why the database refused a change that would take the ticket out of the agent's view. */
const OUT_OF_VIEW: Record<Exclude<RoutingField, 'priority'>, string> = {
  assignee_id: 'This ticket is not in one of your queues, so you cannot hand it to someone else. Ask a manager, or move it to one of your queues first.',
  team_id: 'You can move a ticket only to a queue you are in, unless it is assigned to you. Ask a manager to move it, or take it first.',
};

export interface RoutedTicket {
  id: string;
  version: number;
  priority: string;
  assignee_id?: string | null;
  team_id?: string | null;
  assignee?: { id: string; display_name: string } | null;
  team?: { id: string; name: string } | null;
}

/** The choices, keeping the current one even when it is no longer on offer (a former agent, a queue in the trash). */
function withCurrent(choices: { value: string; label: string }[], current: { value: string; label: string } | undefined) {
  return current && !choices.some((choice) => choice.value === current.value) ? [...choices, current] : choices;
}

/**
 * Who works a ticket, how urgent it is and which queue holds it; each change is saved at once.
 * A choice shows until the ticket's next version arrives (or the change is refused). An agent works
 * the tickets assigned to them, those without a queue and those of their teams (tickets_select), and
 * the database refuses a change that would take a ticket out of that view: the refusal says so.
 */
export function TicketRouting({ ticket }: { ticket: RoutedTicket }) {
  const viewer = useViewer();
  const options = useQuery(TicketRoutingOptionsQuery, { orgId: viewer.org.id, userId: viewer.user.id });
  const route = useMutation(RouteTicketMutation);
  const [draft, setDraft] = useState<{ version: number; field: RoutingField; value: string } | undefined>(undefined);
  const [refusal, setRefusal] = useState<ConsoleError | undefined>(undefined);

  const valueOf = (field: RoutingField) => (draft?.version === ticket.version && draft.field === field ? draft.value : (ticket[field] ?? ''));

  const myTeams = new Set((options.data?.my_teams ?? []).map((membership) => membership.team_id));

  /** Whether the viewer still works the ticket once `field` is `value` (always, for managers and up). */
  function staysInView(field: RoutingField, value: string | null): boolean {
    if (viewer.role !== 'agent') return true;
    const next = { assignee_id: ticket.assignee_id ?? null, team_id: ticket.team_id ?? null, [field]: value };
    return next.assignee_id === viewer.user.id || next.team_id === null || myTeams.has(next.team_id);
  }

  async function change(field: RoutingField, value: string): Promise<void> {
    const changed = value === '' ? null : value;
    setRefusal(undefined);
    setDraft({ version: ticket.version, field, value });
    const answer = await route.run({ ticketId: ticket.id, changes: { [field]: changed } });
    if (!answer && field !== 'priority' && !staysInView(field, changed)) {
      route.clearError();
      setRefusal(new ConsoleError('permission-error', OUT_OF_VIEW[field]));
    }
    // No row back: the ticket is no longer one this person may work (RLS filtered the update).
    if (answer && !answer.update_tickets_by_pk) setRefusal(new ConsoleError('permission-denied', humanMessage('permission-denied', 'Refused.')));
    if (!answer?.update_tickets_by_pk) setDraft(undefined);
  }

  const select = (field: RoutingField, label: string, choices: { value: string; label: string }[]) => (
    <div className="field">
      <label htmlFor={`ticket-${field}`}>{label}</label>
      <select id={`ticket-${field}`} value={valueOf(field)} disabled={route.pending} onChange={(event) => void change(field, event.target.value)}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );

  const staff = (options.data?.org_memberships ?? []).map((membership) => ({ value: membership.user.id, label: membership.user.display_name }));
  const teams = (options.data?.teams ?? []).map((team) => ({ value: team.id, label: team.name }));
  const currentAssignee = ticket.assignee ? { value: ticket.assignee.id, label: ticket.assignee.display_name } : undefined;
  const currentTeam = ticket.team ? { value: ticket.team.id, label: ticket.team.name } : undefined;
  return (
    <div role="group" aria-label="Assignment">
      <div className="form-row">
        {select('assignee_id', 'Assignee', withCurrent([{ value: '', label: 'Unassigned' }, ...staff], currentAssignee))}
        {select(
          'priority',
          'Priority',
          PRIORITIES.map((priority) => ({ value: priority, label: priority })),
        )}
        {select('team_id', 'Queue', withCurrent([{ value: '', label: 'No queue (triage)' }, ...teams], currentTeam))}
      </div>
      <ErrorAlert error={options.error ?? route.error ?? refusal} />
    </div>
  );
}
