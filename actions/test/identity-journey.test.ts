import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { CLAIMS_NAMESPACE } from '../src/identity/tokens.ts';
import {
  adminSql, callAction, mailedToken, sessionOfToken, uniqueEmail, useService, type SessionVariables, type TestService,
} from './support/identity.ts';

// The "done when" of issue 5, up to the engine: a new user signs up, verifies, invites a colleague,
// both turn MFA on and sign in with it, and their tokens verify against the JWKS with the claims the
// engine turns into sessions. (Calling GraphQL with them is the engine's test.)

let service: TestService;
useService((started) => (service = started));

const code = (secret: string, stepsAhead = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });

async function turnOnMfa(session: SessionVariables): Promise<string> {
  const enrollment = await callAction(service, 'enrollMfa', {}, session);
  const secret = enrollment.body.secret!;
  expect((await callAction(service, 'verifyMfa', { code: await code(secret) }, session)).body.enabled).toBe(true);
  return secret;
}

async function signInWithMfa(email: string, password: string, secret: string): Promise<string> {
  const first = await callAction(service, 'signIn', { email, password });
  expect(first.body.mfa_required).toBe(true);
  const second = await callAction(service, 'challengeMfa', { mfa_token: first.body.mfa_token, code: await code(secret, 1) });
  expect(second.status, JSON.stringify(second.body)).toBe(200);
  return second.body.access_token!;
}

describe('an org from sign-up to two people signed in with MFA', () => {
  it('works end to end', async () => {
    const founder = { email: uniqueEmail('founder'), password: 'founding passphrase 2026' };
    expect((await callAction(service, 'signUp', { ...founder, display_name: 'Fiona', org_name: 'Fiona Labs' })).body.accepted).toBe(true);
    await callAction(service, 'verifyEmail', { token: await mailedToken(service, 'identity.email_verification_requested', founder.email) });
    const founderIn = await callAction(service, 'signIn', founder);
    const founderSession = sessionOfToken(founderIn.body.access_token!);

    const colleague = { email: uniqueEmail('colleague'), password: 'colleague passphrase 2026' };
    expect((await callAction(service, 'inviteMember', { email: colleague.email, role: 'manager' }, founderSession)).status).toBe(200);
    const accepted = await callAction(service, 'acceptInvitation', {
      token: await mailedToken(service, 'identity.invitation_sent', colleague.email),
      password: colleague.password,
      display_name: 'Colin',
    });
    const colleagueSession = sessionOfToken(accepted.body.access_token!);

    const founderSecret = await turnOnMfa(founderSession);
    const colleagueSecret = await turnOnMfa(colleagueSession);
    const founderToken = await signInWithMfa(founder.email, founder.password, founderSecret);
    const colleagueToken = await signInWithMfa(colleague.email, colleague.password, colleagueSecret);

    const jwks = (await service.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json<JSONWebKeySet>();
    const options = { audience: service.config.JWT_AUDIENCE, issuer: service.config.JWT_ISSUER };
    const founderClaims = (await jwtVerify(founderToken, createLocalJWKSet(jwks), options)).payload[CLAIMS_NAMESPACE] as Record<string, string>;
    const colleagueClaims = (await jwtVerify(colleagueToken, createLocalJWKSet(jwks), options)).payload[CLAIMS_NAMESPACE] as Record<string, string>;
    expect(colleagueClaims['x-hasura-org-id']).toBe(founderClaims['x-hasura-org-id']);

    const roles = await adminSql`select u.email::text, m.role from org_memberships m join users u on u.id = m.user_id
                                  where m.org_id = ${founderClaims['x-hasura-org-id']!} order by m.role`;
    expect(roles).toEqual([{ email: colleague.email, role: 'manager' }, { email: founder.email, role: 'owner' }]);
  });
});
