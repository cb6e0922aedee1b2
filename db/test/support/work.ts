import type { Tx } from './database.ts';
import { actAsSuperuser } from './database.ts';
import { insertRow, sessionOf, type OrgFixture, type OrgRole } from './fixtures.ts';

/** Eight random uppercase letters: a project key that cannot collide between test transactions. */
export const projectKey = (): string =>
  Array.from({ length: 8 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join('');

/** A project of the org's fixture workspace, created (as the superuser) by creator; the creator becomes its admin. */
export async function createProject(
  tx: Tx,
  org: OrgFixture,
  options: { visibility?: 'private' | 'workspace' | 'org'; creator?: OrgRole; key?: string } = {},
): Promise<string> {
  const creator = options.creator ?? 'owner';
  await actAsSuperuser(tx, sessionOf(org, creator));
  const project = await insertRow(tx, 'projects', {
    org_id: org.orgId,
    workspace_id: org.workspaceId,
    key: options.key ?? projectKey(),
    name: `Project ${options.visibility ?? 'workspace'}`,
    visibility: options.visibility ?? 'workspace',
    created_by: org.users[creator],
  });
  return project.id as string;
}

/** A task of the project, created (as the superuser) in the name of author. */
export async function createTask(
  tx: Tx,
  org: OrgFixture,
  projectId: string,
  fields: Record<string, string | null> = {},
  author: OrgRole = 'owner',
): Promise<Record<string, unknown>> {
  await actAsSuperuser(tx, sessionOf(org, author));
  return insertRow(tx, 'tasks', { org_id: org.orgId, project_id: projectId, title: 'A task', created_by: org.users[author], ...fields });
}

export async function addProjectMember(tx: Tx, org: OrgFixture, projectId: string, role: OrgRole, projectRole = 'editor'): Promise<void> {
  await actAsSuperuser(tx, sessionOf(org, 'owner'));
  await insertRow(tx, 'project_members', { org_id: org.orgId, project_id: projectId, user_id: org.users[role], role: projectRole });
}

/** A board column of the project (a new kanban board holding it). */
export async function createColumn(tx: Tx, org: OrgFixture, projectId: string, fields: Record<string, string | null> = {}): Promise<string> {
  await actAsSuperuser(tx, sessionOf(org, 'owner'));
  const board = await insertRow(tx, 'boards', { org_id: org.orgId, project_id: projectId, name: 'Board', created_by: org.users.owner });
  const column = await insertRow(tx, 'board_columns', { org_id: org.orgId, project_id: projectId, board_id: board.id as string, name: 'Column', ...fields });
  return column.id as string;
}
