'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/field';
import { ConsoleError } from '@/features/errors/console-error';
import { mutate } from '@/features/graphql/hooks';
import { sessionStore } from '@/features/session/session-store';
import { AcceptInvitationMutation } from '../graphql/documents';
import { useLinkToken } from './link-token';

/** Joins the inviting org: a new account gets its name and password here, an existing one proves its password. */
export function AcceptInvitationForm() {
  const token = useLinkToken();
  const router = useRouter();
  const [error, setError] = useState<ConsoleError | undefined>(undefined);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    const form = new FormData(event.currentTarget);
    const displayName = String(form.get('displayName') ?? '').trim();
    try {
      const outcome = await mutate(AcceptInvitationMutation, { token, password: String(form.get('password')), displayName: displayName === '' ? null : displayName });
      if (!outcome.ok) throw outcome.error;
      const refreshToken = outcome.data.acceptInvitation?.refresh_token;
      if (!refreshToken) throw new ConsoleError('unexpected', 'The server sent no session.');
      await sessionStore.adopt(refreshToken);
      router.replace('/dashboard');
    } catch (caught) {
      setError(caught instanceof ConsoleError ? caught : new ConsoleError('unexpected', 'Something went wrong on our side. Try again.'));
    } finally {
      setPending(false);
    }
  }

  if (token === '') return <p className="alert">This link has no token: open the link from the email again.</p>;
  return (
    <form onSubmit={submit}>
      <p>New to WorkGrid? Choose your name and a password. Already have an account? Enter its password.</p>
      <ErrorAlert error={error} />
      <Field label="Your name (new accounts)" name="displayName" autoComplete="name" maxLength={120} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      <button type="submit" disabled={pending}>
        {pending ? 'Joining…' : 'Accept invitation'}
      </button>
    </form>
  );
}
