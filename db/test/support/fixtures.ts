import { randomUUID } from 'node:crypto';
import type { Session, Tx } from './database.ts';
import { actAsSuperuser } from './database.ts';

export const ORG_ROLES = ['owner', 'admin', 'manager', 'agent', 'member', 'requester', 'guest'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export interface OrgFixture {
  orgId: string;
  users: Record<OrgRole, string>;
  /** Users who exist but do not belong to this org. */
  outsiders: [string, string];
  /** A user who joined through the org_memberships fixture row (so not of any role above). */
  joiner: string;
  teamId: string;
  tagId: string;
  commentId: string;
  webhookId: string;
  ticketId: string;
  slaPolicyId: string;
  workspaceId: string;
  /** A project (visibility workspace) created by the owner, with the guest as an editor member. */
  projectId: string;
  boardId: string;
  columnId: string;
  /** Three tasks of the project, created by the admin. */
  taskIds: [string, string, string];
  checklistId: string;
  automationId: string;
}

/** Column values; objects and lists go to json(b) columns as JSON. */
type Row = Record<string, string | boolean | null | object>;

interface TenantTableFixture {
  /** A valid row of the table for org, distinct for each variant number. */
  row: (org: OrgFixture, variant: number) => Row;
  /** Who may insert such a row: a member acting for themself, or background work of the org. */
  writer: 'owner' | 'service';
}

/** Eight hex digits, so concurrent test transactions never collide on unique columns. */
const unique = () => randomUUID().slice(0, 8);
/** Eight random lowercase letters, for names whose format allows no digits. */
const uniqueWord = () => [...unique()].map((c) => String.fromCharCode(97 + (parseInt(c, 16) % 26))).join('');

/**
 * One entry per tenant table (a table with org_id). The catalog test fails when a tenant table has
 * no entry here, so every new table is covered by the generic isolation tests.
 */
export const TENANT_TABLES: Record<string, TenantTableFixture> = {
  org_memberships: { writer: 'owner', row: (o, v) => ({ org_id: o.orgId, user_id: v === 0 ? o.joiner : o.outsiders[1], role: 'member' }) },
  teams: {
    writer: 'owner',
    row: (o) => ({ org_id: o.orgId, name: `Team ${unique()}`, key: `T${unique().toUpperCase()}`, created_by: o.users.owner }),
  },
  team_members: {
    writer: 'owner',
    row: (o, v) => ({ org_id: o.orgId, team_id: o.teamId, user_id: v === 0 ? o.users.agent : o.users.manager, role: 'member' }),
  },
  invitations: { writer: 'owner', row: (o) => ({ org_id: o.orgId, email: `${unique()}@invitee.example`, role: 'member', invited_by: o.users.owner }) },
  settings: { writer: 'owner', row: (o) => ({ org_id: o.orgId, key: `test.k${unique()}`, value: '{"on": true}' }) },
  feature_flags: { writer: 'owner', row: (o) => ({ org_id: o.orgId, key: `test.f${unique()}`, enabled: true }) },
  tags: { writer: 'owner', row: (o) => ({ org_id: o.orgId, name: `tag-${unique()}`, created_by: o.users.owner }) },
  entity_tags: {
    writer: 'owner',
    row: (o) => ({ org_id: o.orgId, tag_id: o.tagId, entity_type: 'team', entity_id: randomUUID(), created_by: o.users.owner }),
  },
  comments: {
    writer: 'owner',
    row: (o) => ({ org_id: o.orgId, entity_type: 'team', entity_id: o.teamId, author_id: o.users.owner, body: 'Looks good', visibility: 'internal' }),
  },
  activity_feed: {
    writer: 'owner',
    row: (o) => ({ org_id: o.orgId, actor_id: o.users.owner, verb: 'team.updated', entity_type: 'team', entity_id: o.teamId, summary: 'Renamed the team' }),
  },
  entity_links: {
    writer: 'owner',
    row: (o) => ({ org_id: o.orgId, source_type: 'team', source_id: o.teamId, target_type: 'comment', target_id: randomUUID(), link_type: 'relates_to', created_by: o.users.owner }),
  },
  files: {
    writer: 'owner',
    row: (o) => ({ org_id: o.orgId, object_key: `${o.orgId}/${randomUUID()}`, filename: 'notes.txt', declared_content_type: 'text/plain', uploaded_by: o.users.owner }),
  },
  notifications: { writer: 'service', row: (o) => ({ org_id: o.orgId, user_id: o.users.owner, event_type: 'comment.created', title: 'New comment' }) },
  webhook_subscriptions: {
    writer: 'owner',
    row: (o) => ({ org_id: o.orgId, url: `https://hooks.example/${unique()}`, event_types: '{comment.created}', created_by: o.users.owner }),
  },
  webhook_deliveries: {
    writer: 'service',
    row: (o) => ({ org_id: o.orgId, subscription_id: o.webhookId, event_type: 'comment.created', payload: '{"n": 1}' }),
  },
  email_templates: {
    writer: 'owner',
    row: (o) => ({ org_id: o.orgId, key: `test.${uniqueWord()}`, subject: 'Hello {{name}}', html: '<p>Hi</p>', text: 'Hi', created_by: o.users.owner }),
  },
  email_log: {
    writer: 'service',
    row: (o) => ({ org_id: o.orgId, to_address: `${unique()}@people.example`, template_key: 'notification' }),
  },
  request_categories: {
    writer: 'owner',
    row: (o) => ({ org_id: o.orgId, name: `Category ${unique()}`, created_by: o.users.owner }),
  },
  tickets: {
    writer: 'owner',
    row: (o) => ({ org_id: o.orgId, subject: 'Printer on fire', requester_id: o.users.requester, created_by: o.users.owner }),
  },
  ticket_watchers: {
    writer: 'owner',
    row: (o, v) => ({ org_id: o.orgId, ticket_id: o.ticketId, user_id: v === 0 ? o.users.agent : o.users.owner, created_by: o.users.owner }),
  },
  ticket_messages: {
    writer: 'owner',
    row: (o) => ({ org_id: o.orgId, ticket_id: o.ticketId, author_id: o.users.owner, visibility: 'internal', body: 'Checking the toner' }),
  },
  business_calendars: {
    writer: 'owner',
    row: (o) => ({ org_id: o.orgId, name: `Hours ${unique()}`, time_zone: 'Europe/Paris', created_by: o.users.owner }),
  },
  sla_policies: {
    writer: 'owner',
    row: (o, v) => ({ org_id: o.orgId, name: `Policy ${unique()}`, priority: v === 0 ? 'normal' : 'urgent', first_response_minutes: '60', resolution_minutes: '480', created_by: o.users.owner }),
  },
  sla_escalation_rules: {
    writer: 'owner',
    row: (o) => ({ org_id: o.orgId, policy_id: o.slaPolicyId, target: 'resolution', action: 'notify_managers', created_by: o.users.owner }),
  },
  sla_events: {
    writer: 'service',
    row: (o, v) => ({ org_id: o.orgId, ticket_id: o.ticketId, target: v === 0 ? 'first_response' : 'resolution', kind: 'breach', due_at: '2026-01-01T00:00:00Z' }),
  },
  ticket_macros: {
    writer: 'owner',
    row: (o) => ({ org_id: o.orgId, name: `Macro ${unique()}`, reply_body: 'Thanks, {{requester.name}}!', created_by: o.users.owner }),
  },
  workspaces: { writer: 'owner', row: (o) => ({ org_id: o.orgId, name: `Workspace ${unique()}`, created_by: o.users.owner }) },
  projects: {
    writer: 'owner',
    row: (o) => ({ org_id: o.orgId, workspace_id: o.workspaceId, key: `P${unique().toUpperCase()}`, name: 'Launch', created_by: o.users.owner }),
  },
  project_members: {
    writer: 'owner',
    row: (o, v) => ({ org_id: o.orgId, project_id: o.projectId, user_id: v === 0 ? o.users.guest : o.users.member, role: 'editor' }),
  },
  boards: { writer: 'owner', row: (o) => ({ org_id: o.orgId, project_id: o.projectId, name: 'Sprint board', created_by: o.users.owner }) },
  task_external_links: {
    writer: 'service',
    row: (o) => ({
      org_id: o.orgId, project_id: o.projectId, task_id: o.taskIds[0], provider: 'github', kind: 'issue',
      external_id: `acme/app#${unique()}`, url: 'https://github.com/acme/app/issues/1', delivery_id: unique(),
    }),
  },
  project_custom_fields: {
    writer: 'owner',
    row: (o) => ({ org_id: o.orgId, project_id: o.projectId, key: `field_${uniqueWord()}`, label: 'Customer', type: 'text' }),
  },
  board_columns: { writer: 'owner', row: (o) => ({ org_id: o.orgId, project_id: o.projectId, board_id: o.boardId, name: `Doing ${unique()}` }) },
  tasks: { writer: 'owner', row: (o) => ({ org_id: o.orgId, project_id: o.projectId, title: 'Write the plan', created_by: o.users.owner }) },
  task_assignees: {
    writer: 'owner',
    row: (o, v) => ({ org_id: o.orgId, project_id: o.projectId, task_id: o.taskIds[0], user_id: v === 0 ? o.users.member : o.users.agent }),
  },
  task_watchers: { writer: 'owner', row: (o, v) => ({ org_id: o.orgId, project_id: o.projectId, task_id: v === 0 ? o.taskIds[0] : o.taskIds[1], user_id: o.users.owner }) },
  task_checklists: { writer: 'owner', row: (o) => ({ org_id: o.orgId, project_id: o.projectId, task_id: o.taskIds[0], title: 'Before release' }) },
  task_checklist_items: { writer: 'owner', row: (o) => ({ org_id: o.orgId, project_id: o.projectId, checklist_id: o.checklistId, title: 'Update docs' }) },
  task_dependencies: {
    writer: 'owner',
    row: (o, v) => ({ org_id: o.orgId, project_id: o.projectId, blocker_id: o.taskIds[0], blocked_id: v === 0 ? o.taskIds[1] : o.taskIds[2], created_by: o.users.owner }),
  },
  recurring_task_rules: {
    writer: 'owner',
    row: (o) => ({ org_id: o.orgId, project_id: o.projectId, title: 'Weekly report', cron: '0 9 * * 1', timezone: 'Europe/Paris', created_by: o.users.owner }),
  },
  automations: {
    writer: 'owner',
    row: (o) => ({
      org_id: o.orgId, project_id: o.projectId, name: `Tag new ${unique()}`, trigger: 'created',
      actions: [{ type: 'add_tag', tag_id: o.tagId }], active: false, created_by: o.users.owner,
    }),
  },
  automation_runs: {
    writer: 'service',
    row: (o) => ({ org_id: o.orgId, project_id: o.projectId, automation_id: o.automationId, event_key: `test:${unique()}`, status: 'succeeded' }),
  },
  task_imports: {
    writer: 'owner',
    row: (o) => ({ org_id: o.orgId, project_id: o.projectId, source_csv: 'title\nWrite the plan\n', mapping: { title: 'title' }, created_by: o.users.owner }),
  },
  task_exports: { writer: 'owner', row: (o) => ({ org_id: o.orgId, format: 'csv', filters: { project_id: o.projectId }, created_by: o.users.owner }) },
  saved_views: { writer: 'owner', row: (o) => ({ org_id: o.orgId, owner_id: o.users.owner, name: `Open ${unique()}` }) },
  time_entries: {
    writer: 'owner',
    row: (o) => ({
      org_id: o.orgId, project_id: o.projectId, task_id: o.taskIds[0], user_id: o.users.owner,
      started_at: '2026-01-05T09:00:00Z', ended_at: '2026-01-05T10:30:00Z',
    }),
  },
  notification_preferences: {
    writer: 'owner',
    row: (o) => ({ org_id: o.orgId, user_id: o.users.owner, event_type: `test.${uniqueWord()}`, channel: 'email' }),
  },
};

/** Tenant tables nobody writes directly: audit rows come from triggers, outbox rows from app.emit_event(). */
export const TRIGGER_WRITTEN_TABLES = ['audit_log', 'outbox_events'] as const;

export function sessionOf(org: OrgFixture, role: OrgRole | 'service'): Session {
  return role === 'service' ? { orgId: org.orgId, role: 'service' } : { orgId: org.orgId, userId: org.users[role], role: 'user' };
}

export async function insertRow(tx: Tx, table: string, row: Row): Promise<Record<string, unknown>> {
  const [inserted] = await tx`insert into ${tx(table)} ${tx(row)} returning *`;
  if (!inserted) throw new Error(`insert into ${table} returned nothing`);
  return inserted;
}

async function createUser(tx: Tx, label: string): Promise<string> {
  const [user] = await tx`
    insert into users (email, display_name) values (${`${label}-${unique()}@people.example`}, ${label}) returning id`;
  return user!.id as string;
}

/**
 * An org with a user of every role, two outsiders, a team, a tag, a comment, and one row in every
 * tenant table. Created as the superuser inside the caller's (rolled back) transaction.
 */
export async function createOrg(tx: Tx, name: string): Promise<OrgFixture> {
  await actAsSuperuser(tx);
  const users = {} as Record<OrgRole, string>;
  for (const role of ORG_ROLES) users[role] = await createUser(tx, `${name}-${role}`);
  const outsiders: [string, string] = [await createUser(tx, `${name}-outsider`), await createUser(tx, `${name}-outsider`)];
  const joiner = await createUser(tx, `${name}-joiner`);

  const [org] = await tx`
    insert into orgs (name, slug, created_by) values (${name}, ${`${name.toLowerCase()}-${unique()}`}, ${users.owner}) returning id`;
  const orgId = org!.id as string;
  for (const role of ORG_ROLES.filter((r) => r !== 'owner')) {
    await tx`insert into org_memberships (org_id, user_id, role) values (${orgId}, ${users[role]}, ${role})`;
  }

  // Triggers that emit outbox events require the org's session, as in real use.
  await actAsSuperuser(tx, { orgId, userId: users.owner });
  const partial: OrgFixture = {
    orgId, users, outsiders, joiner, teamId: '', tagId: '', commentId: '', webhookId: '',
    ticketId: '', slaPolicyId: '',
    workspaceId: '', projectId: '', boardId: '', columnId: '', taskIds: ['', '', ''], checklistId: '', automationId: '',
  };
  const idOf = async (table: string) => (await insertRow(tx, table, TENANT_TABLES[table]!.row(partial, 0))).id as string;
  partial.teamId = await idOf('teams');
  partial.tagId = await idOf('tags');
  partial.commentId = await idOf('comments');
  partial.webhookId = await idOf('webhook_subscriptions');
  partial.workspaceId = await idOf('workspaces');
  partial.projectId = await idOf('projects');
  partial.boardId = await idOf('boards');
  partial.columnId = await idOf('board_columns');
  for (const index of [0, 1, 2] as const) {
    const task = { org_id: orgId, project_id: partial.projectId, title: `Task ${index + 1}`, created_by: users.admin };
    partial.taskIds[index] = (await insertRow(tx, 'tasks', task)).id as string;
  }
  partial.checklistId = await idOf('task_checklists');
  partial.slaPolicyId = await idOf('sla_policies');
  partial.ticketId = await idOf('tickets');
  partial.automationId = await idOf('automations');
  const arranged = [
    'teams', 'tags', 'comments', 'webhook_subscriptions', 'workspaces', 'projects', 'boards', 'board_columns', 'task_checklists', 'automations',
    'sla_policies', 'tickets',
  ];
  for (const [table, fixture] of Object.entries(TENANT_TABLES)) {
    if (!arranged.includes(table)) await insertRow(tx, table, fixture.row(partial, 0));
  }
  await tx`select app.emit_event('test.created', '{}'::jsonb, ${`test:${orgId}`}, ${orgId}::uuid)`;
  await actAsSuperuser(tx);
  return partial;
}
