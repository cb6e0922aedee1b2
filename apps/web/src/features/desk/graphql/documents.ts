import { graphql } from '@/__generated__/graphql';

/** What a queue row and the ticket page both show: the ticket, its people and its SLA clocks. */
export const TicketSummaryFragment = graphql(`
  fragment TicketSummary on tickets {
    id
    number
    subject
    status
    priority
    first_response_at
    first_response_due_at
    resolution_due_at
    sla_paused_at
    assignee {
      id
      display_name
    }
    requester {
      id
      display_name
    }
    team {
      id
      name
    }
  }
`);

export const QueueSubscription = graphql(`
  subscription Queue {
    tickets(where: { status: { _nin: ["resolved", "closed"] }, deleted_at: { _is_null: true } }, order_by: { resolution_due_at: asc_nulls_last }, limit: 200) {
      ...TicketSummary
    }
  }
`);

export const TicketSubscription = graphql(`
  subscription Ticket($ticketId: uuid!) {
    tickets_by_pk(id: $ticketId) {
      ...TicketSummary
      description
      version
      merged_into_id
      assignee_id
      team_id
      messages(order_by: { created_at: asc }) {
        id
        body
        visibility
        from_desk
        created_at
        author {
          id
          display_name
        }
      }
    }
  }
`);

/** Who may take a ticket (the desk staff, as the database checks), the queues it may go to and the viewer's own. */
export const TicketRoutingOptionsQuery = graphql(`
  query TicketRoutingOptions($orgId: uuid!, $userId: uuid!) {
    org_memberships(where: { org_id: { _eq: $orgId }, role: { _in: [owner, admin, manager, agent] } }, order_by: { user: { display_name: asc } }) {
      id
      user {
        id
        display_name
      }
    }
    teams(where: { deleted_at: { _is_null: true } }, order_by: { name: asc }) {
      id
      name
    }
    my_teams: team_members(where: { user_id: { _eq: $userId } }) {
      team_id
    }
  }
`);

export const RouteTicketMutation = graphql(`
  mutation RouteTicket($ticketId: uuid!, $changes: tickets_set_input!) {
    update_tickets_by_pk(pk_columns: { id: $ticketId }, _set: $changes) {
      id
    }
  }
`);

export const MacrosQuery = graphql(`
  query Macros {
    ticket_macros(where: { deleted_at: { _is_null: true } }, order_by: { name: asc }) {
      id
      name
    }
  }
`);

export const AddTicketMessageMutation = graphql(`
  mutation AddTicketMessage($ticketId: uuid!, $body: String!, $visibility: String!) {
    insert_ticket_messages_one(object: { ticket_id: $ticketId, body: $body, visibility: $visibility }) {
      id
    }
  }
`);

export const SetTicketStatusMutation = graphql(`
  mutation SetTicketStatus($ticketId: uuid!, $status: String!) {
    update_tickets_by_pk(pk_columns: { id: $ticketId }, _set: { status: $status }) {
      id
      status
    }
  }
`);

export const ApplyMacroMutation = graphql(`
  mutation ApplyMacro($ticketId: uuid!, $macroId: uuid!) {
    apply_macro(args: { ticket_id: $ticketId, macro_id: $macroId }) {
      id
      status
    }
  }
`);

export const MyRequestsSubscription = graphql(`
  subscription MyRequests($userId: uuid!) {
    tickets(where: { requester_id: { _eq: $userId }, deleted_at: { _is_null: true } }, order_by: { created_at: desc }) {
      id
      number
      subject
      status
      created_at
    }
  }
`);

export const RaiseRequestMutation = graphql(`
  mutation RaiseRequest($subject: String!, $description: String) {
    insert_tickets_one(object: { subject: $subject, description: $description }) {
      id
      number
    }
  }
`);
