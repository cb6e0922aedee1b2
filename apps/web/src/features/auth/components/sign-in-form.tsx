'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/field';
import { ConsoleError } from '@/features/errors/console-error';
import { mutate } from '@/features/graphql/hooks';
import { sessionStore } from '@/features/session/session-store';
import { ChallengeMfaMutation, SignInMutation } from '../graphql/documents';

/** Only paths of this console: `?next=https://elsewhere` must not send anyone away. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/dashboard';
}

export function SignInForm() {
  const router = useRouter();
  const next = safeNext(useSearchParams().get('next'));
  const [mfaToken, setMfaToken] = useState<string | undefined>(undefined);
  const [error, setError] = useState<ConsoleError | undefined>(undefined);
  const [pending, setPending] = useState(false);

  async function finish(refreshToken: string | null | undefined): Promise<void> {
    if (!refreshToken) throw new ConsoleError('unexpected', 'The server sent no session.');
    await sessionStore.adopt(refreshToken);
    router.replace(next);
  }

  async function submit(event: FormEvent<HTMLFormElement>, step: () => Promise<void>): Promise<void> {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      await step();
    } catch (caught) {
      setError(caught instanceof ConsoleError ? caught : new ConsoleError('unexpected', 'Something went wrong on our side. Try again.'));
    } finally {
      setPending(false);
    }
  }

  const signIn = (event: FormEvent<HTMLFormElement>) =>
    submit(event, async () => {
      const form = new FormData(event.currentTarget);
      const outcome = await mutate(SignInMutation, { email: String(form.get('email')), password: String(form.get('password')) });
      if (!outcome.ok) throw outcome.error;
      const answer = outcome.data.signIn;
      if (answer?.mfa_required && answer.mfa_token) setMfaToken(answer.mfa_token);
      else await finish(answer?.refresh_token);
    });

  const challenge = (event: FormEvent<HTMLFormElement>) =>
    submit(event, async () => {
      const code = String(new FormData(event.currentTarget).get('code')).trim();
      const outcome = await mutate(ChallengeMfaMutation, { mfaToken: mfaToken ?? '', code });
      if (!outcome.ok) {
        // An expired challenge cannot be answered: start over with the password.
        if (outcome.error.code === 'mfa_challenge_invalid') setMfaToken(undefined);
        throw outcome.error;
      }
      await finish(outcome.data.challengeMfa?.refresh_token);
    });

  if (mfaToken) {
    return (
      <form onSubmit={challenge} aria-describedby="mfa-intro">
        <p id="mfa-intro">Enter the 6-digit code from your authenticator app, or one of your backup codes.</p>
        <ErrorAlert error={error} />
        <Field label="Verification code" name="code" autoComplete="one-time-code" inputMode="text" required autoFocus />
        <button type="submit" disabled={pending}>
          {pending ? 'Verifying…' : 'Verify'}
        </button>
      </form>
    );
  }

  return (
    <form onSubmit={signIn}>
      <ErrorAlert error={error} />
      <Field label="Email" name="email" type="email" autoComplete="username" required autoFocus />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      <button type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
      <p>
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        New to WorkGrid? <Link href="/sign-up">Create an account</Link>
      </p>
    </form>
  );
}
