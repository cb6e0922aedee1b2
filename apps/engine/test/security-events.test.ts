import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrg, superuserSql, type TestOrg } from '../../../actions/test/support/org.ts';
import { loadMetadataDirectory } from '../src/metadata.ts';
import { asRole, gql, startEngine, type TestEngine } from './support/harness.ts';

// The security_events root field with the real WorkGrid metadata: owners and admins page and filter
// their org's security events; everyone else gets an empty list.
const METADATA_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'hasura', 'metadata');

let engine: TestEngine;
let org: TestOrg;
let other: TestOrg;
const sql = superuserSql();

const as = (userId: string, orgId: string) => asRole('user', { 'x-hasura-user-id': userId, 'x-hasura-org-id': orgId });

beforeAll(async () => {
  engine = await startEngine(loadMetadataDirectory(METADATA_DIR));
  org = await createTestOrg(sql, 'Audited', 1);
  other = await createTestOrg(sql, 'Elsewhere', 1);
  for (const [event, subject, orgId, minutesAgo] of [
    ['auth.sign_in_succeeded', org.members[0], org.orgId, 3],
    ['auth.mfa_disabled', org.members[0], org.orgId, 2],
    ['auth.api_key_created', org.admin, org.orgId, 1],
    ['auth.sign_in_succeeded', other.members[0], other.orgId, 1],
  ] as const) {
    await sql`insert into app_private.auth_events (event, user_id, org_id, ip, user_agent, occurred_at)
              values (${event}, ${subject!}, ${orgId}, '198.51.100.4', 'cli/2', now() - make_interval(mins => ${minutesAgo}))`;
  }
});

afterAll(async () => {
  await engine?.close();
  await sql.end();
});

describe('security_events', () => {
  it('lets an admin page and filter the org\'s events, newest first', async () => {
    const answer = await gql(engine.app, {
      query: `{ page: security_events(order_by: {occurred_at: desc}, limit: 2, offset: 1) { event user { id } ip }
                mfa: security_events(where: {event: {_like: "auth.mfa_%"}}) { event user_id }
                total: security_events_aggregate { aggregate { count } } }`,
      headers: as(org.admin, org.orgId),
    });
    expect(answer).toEqual({
      data: {
        page: [
          { event: 'auth.mfa_disabled', user: { id: org.members[0] }, ip: '198.51.100.4' },
          { event: 'auth.sign_in_succeeded', user: { id: org.members[0] }, ip: '198.51.100.4' },
        ],
        mfa: [{ event: 'auth.mfa_disabled', user_id: org.members[0] }],
        total: { aggregate: { count: 3 } },
      },
    });
  });

  it('gives members an empty list, and owners of another org only theirs', async () => {
    expect(await gql(engine.app, { query: '{ security_events { id } }', headers: as(org.members[0]!, org.orgId) })).toEqual({ data: { security_events: [] } });
    expect(await gql(engine.app, { query: '{ security_events { event user_id } }', headers: as(other.owner, other.orgId) })).toEqual({
      data: { security_events: [{ event: 'auth.sign_in_succeeded', user_id: other.members[0] }] },
    });
  });
});
