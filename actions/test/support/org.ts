import { randomUUID } from 'node:crypto';
import postgres, { type Sql } from 'postgres';
import { inject } from 'vitest';

/** Superuser connection for arranging committed data that separate processes (the worker) can see. */
export function superuserSql(): Sql {
  return postgres(inject('superuserUrl'), { max: 4, onnotice: () => {} });
}

export interface TestOrg {
  orgId: string;
  owner: string;
  admin: string;
  members: string[];
}

/** A committed org with an owner, an admin and `memberCount` members. */
export async function createTestOrg(sql: Sql, label: string, memberCount = 3): Promise<TestOrg> {
  const tag = randomUUID().slice(0, 8);
  const user = async (role: string) => {
    const [row] = await sql`insert into users (email, display_name) values (${`${label}-${role}-${tag}@people.example`}, ${`${label} ${role}`}) returning id`;
    return row!.id as string;
  };
  const owner = await user('owner');
  const [org] = await sql`insert into orgs (name, slug, created_by) values (${label}, ${`${label.toLowerCase()}-${tag}`}, ${owner}) returning id`;
  const orgId = org!.id as string;
  const admin = await user('admin');
  await sql`insert into org_memberships (org_id, user_id, role) values (${orgId}, ${admin}, 'admin')`;
  const members: string[] = [];
  for (let i = 0; i < memberCount; i += 1) {
    const id = await user(`member${i}`);
    await sql`insert into org_memberships (org_id, user_id, role) values (${orgId}, ${id}, 'member')`;
    members.push(id);
  }
  return { orgId, owner, admin, members };
}

export interface DeskOrg extends TestOrg {
  agent: string;
  manager: string;
  requester: string;
}

/** A committed org (createTestOrg with one member) plus an agent, a manager and a requester. */
export async function createDeskOrg(sql: Sql, label: string): Promise<DeskOrg> {
  const org = await createTestOrg(sql, label, 1);
  const user = async (role: string) => {
    const [row] = await sql`insert into users (email, display_name) values (${`${label}-${role}-${randomUUID().slice(0, 8)}@people.example`}, ${`${label} ${role}`}) returning id`;
    await sql`insert into org_memberships (org_id, user_id, role) values (${org.orgId}, ${row!.id as string}, ${role})`;
    return row!.id as string;
  };
  return { ...org, agent: await user('agent'), manager: await user('manager'), requester: await user('requester') };
}

/** Runs fn in a committed transaction as a user of the org, as the engine would. */
export async function asOrgUser<T>(sql: Sql, orgId: string, userId: string, fn: (tx: postgres.TransactionSql) => Promise<T>): Promise<T> {
  return (await sql.begin(async (tx) => {
    await tx`select set_config('hasura.user', ${JSON.stringify({ 'x-hasura-role': 'user', 'x-hasura-org-id': orgId, 'x-hasura-user-id': userId })}, true)`;
    return fn(tx);
  })) as T;
}

/** Emits outbox events as the org (committed), returning their ids. */
export async function emitEvents(sql: Sql, orgId: string, topic: string, keys: string[], payload: Record<string, unknown> = {}): Promise<string[]> {
  return (await sql.begin(async (tx) => {
    await tx`select set_config('hasura.user', ${JSON.stringify({ 'x-hasura-role': 'service', 'x-hasura-org-id': orgId })}, true)`;
    const ids: string[] = [];
    for (const key of keys) {
      const [row] = await tx`select app.emit_event(${topic}, ${tx.json(payload as postgres.JSONValue)}, ${key}) as id`;
      ids.push(row!.id as string);
    }
    return ids;
  })) as string[];
}

/** Posts a comment as a user of the org (committed); its trigger emits comment.created. */
export async function postComment(sql: Sql, org: TestOrg, authorId: string, mentioned: string[]): Promise<string> {
  const body = `Hello ${mentioned.map((id) => `@[Someone](user:${id})`).join(' ')}`;
  return (await sql.begin(async (tx) => {
    await tx`select set_config('hasura.user', ${JSON.stringify({ 'x-hasura-role': 'user', 'x-hasura-org-id': org.orgId, 'x-hasura-user-id': authorId })}, true)`;
    const [row] = await tx`
      insert into comments (org_id, entity_type, entity_id, author_id, body)
      values (${org.orgId}, 'comment', ${randomUUID()}, ${authorId}, ${body}) returning id`;
    return row!.id as string;
  })) as string;
}

/** Polls until check returns a value other than undefined (no timing is asserted, only the outcome). */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
