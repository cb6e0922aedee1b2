'use client';

import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/field';
import { useMutation } from '@/features/graphql/hooks';
import { sessionStore } from '@/features/session/session-store';
import { ChangePasswordMutation, SignOutAllMutation } from './documents';

export function PasswordSection() {
  const change = useMutation(ChangePasswordMutation);
  const signOutAll = useMutation(SignOutAllMutation);
  const [notice, setNotice] = useState<string | undefined>(undefined);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setNotice(undefined);
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const answer = await change.run({ currentPassword: String(form.get('currentPassword')), newPassword: String(form.get('newPassword')) });
    const refreshToken = answer?.changePassword?.refresh_token;
    if (!refreshToken) return;
    // Every other session has ended; this tab continues with the session the change answered.
    await sessionStore.replace(refreshToken);
    formElement.reset();
    setNotice('Password changed. Every other session has been signed out.');
  }

  return (
    <section className="card" aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <form onSubmit={submit}>
        <ErrorAlert error={change.error} />
        <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required />
        <Field label="New password" name="newPassword" type="password" autoComplete="new-password" required minLength={12} hint="At least 12 characters." />
        <button type="submit" disabled={change.pending}>
          Change password
        </button>
      </form>
      {notice ? (
        <p role="status" className="alert success">
          {notice}
        </p>
      ) : null}
      <h3>Sessions</h3>
      <ErrorAlert error={signOutAll.error} />
      <button
        type="button"
        className="danger"
        disabled={signOutAll.pending}
        onClick={async () => {
          if (!window.confirm('Sign out on every device, this one included?')) return;
          if (await signOutAll.run({})) await sessionStore.signOut();
        }}
      >
        Sign out everywhere
      </button>
    </section>
  );
}
