import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { callAction, useService, type TestService } from './support/identity.ts';

interface ActionEntry {
  name: string;
  definition: { handler: string; headers: { name: string; value_from_env: string }[] };
  permissions: { role: string }[];
}

const metadata = parse(readFileSync(new URL('../../hasura/metadata/actions.yaml', import.meta.url), 'utf8')) as { actions: ActionEntry[] };
const graphql = readFileSync(new URL('../../hasura/metadata/actions.graphql', import.meta.url), 'utf8');
const rootBlocks = [/type Mutation \{([^}]*)\}/, /type Query \{([^}]*)\}/].map((re) => re.exec(graphql)?.[1] ?? '').join('\n');
const declared = [...rootBlocks.matchAll(/^ {2}(\w+)(?:\(|:)/gm)].map((m) => m[1]!);

let service: TestService;
useService((started) => (service = started));

describe('the action declarations', () => {
  it('declare each action of actions.graphql once in actions.yaml, with the secret header and its route', () => {
    expect(metadata.actions.map((a) => a.name).sort()).toEqual([...declared].sort());
    for (const action of metadata.actions) {
      expect(action.definition.handler).toBe(`{{ACTIONS_BASE_URL}}/actions/${action.name}`);
      expect(action.definition.headers).toEqual([{ name: 'x-workgrid-actions-secret', value_from_env: 'ACTIONS_SECRET' }]);
      expect(action.permissions.length).toBe(1);
    }
  });
});

describe.each(metadata.actions.map((a) => [a.name, a.permissions[0]!.role] as const))('%s (role %s)', (name, role) => {
  it('is refused without the shared secret', async () => {
    const response = await callAction(service, name, {}, undefined, { secret: null });
    expect(response.status).toBe(401);
  });

  it('is served, and refuses anonymous callers exactly when it is declared for users', async () => {
    const response = await callAction(service, name, {}, { 'x-hasura-role': 'anonymous' });
    expect(response.status).not.toBe(404);
    expect(response.status).toBeLessThan(500);
    if (role === 'user') {
      expect(response.status).toBe(401);
      expect(response.body.extensions?.code).toBe('access-denied');
    } else {
      expect(response.body.extensions?.code).not.toBe('access-denied');
    }
  });

  it('answers malformed input with validation-failed, in Hasura\'s error shape', async () => {
    const session = { 'x-hasura-role': 'user', 'x-hasura-user-id': '10000000-0000-4000-8000-00000000000f', 'x-hasura-org-id': 'a0000000-0000-4000-8000-00000000000f' };
    const response = await callAction(service, name, { unexpected: { nested: true }, email: 42, token: 7, code: 1, org_id: 'x', refresh_token: 1, invitation_id: 'x', api_key_id: 'x', name: 5, new_password: 3, mfa_token: 1, api_key: 1 }, session);
    if (['signOutAll', 'enrollMfa', 'apiKeys', 'mfaStatus'].includes(name)) return; // no input to get wrong
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ message: expect.any(String), extensions: { code: 'validation-failed' } });
  });
});

describe('the payload', () => {
  it('must name the action of the route', async () => {
    const response = await service.app.inject({
      method: 'POST',
      url: '/actions/signIn',
      headers: { 'x-workgrid-actions-secret': 'test-actions-secret-0123456789' },
      payload: { action: { name: 'signUp' }, input: {}, session_variables: { 'x-hasura-role': 'anonymous' } },
    });
    expect(response.statusCode).toBe(400);
  });

  it('takes the caller from session_variables, never from input', async () => {
    const response = await callAction(service, 'signOutAll', { user_id: '10000000-0000-4000-8000-000000000001' }, { 'x-hasura-role': 'anonymous' });
    expect(response.status).toBe(401);
  });
});
