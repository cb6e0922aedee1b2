'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/field';
import { useMutation } from '@/features/graphql/hooks';
import { RequestPasswordResetMutation, ResetPasswordMutation } from '../graphql/documents';
import { useLinkToken } from './link-token';

export function ForgotPasswordForm() {
  const request = useMutation(RequestPasswordResetMutation);
  const [message, setMessage] = useState<string | undefined>(undefined);
  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const data = await request.run({ email: String(new FormData(event.currentTarget).get('email')) });
    if (data?.requestPasswordReset) setMessage(data.requestPasswordReset.message);
  }
  if (message) {
    return (
      <p role="status" className="alert success">
        {message}
      </p>
    );
  }
  return (
    <form onSubmit={submit}>
      <ErrorAlert error={request.error} />
      <Field label="Email" name="email" type="email" autoComplete="username" required />
      <button type="submit" disabled={request.pending}>
        Send reset link
      </button>
      <p>
        <Link href="/sign-in">Back to sign in</Link>
      </p>
    </form>
  );
}

export function ResetPasswordForm() {
  const token = useLinkToken();
  const reset = useMutation(ResetPasswordMutation);
  const [done, setDone] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const data = await reset.run({ token, newPassword: String(new FormData(event.currentTarget).get('password')) });
    if (data?.resetPassword?.ok) setDone(true);
  }
  if (token === '') return <p className="alert">This link has no token: open the link from the email again.</p>;
  if (done) {
    return (
      <p role="status" className="alert success">
        Your password is changed and every session has ended. <Link href="/sign-in">Sign in</Link>
      </p>
    );
  }
  return (
    <form onSubmit={submit}>
      <ErrorAlert error={reset.error} />
      <Field label="New password" name="password" type="password" autoComplete="new-password" required minLength={12} hint="At least 12 characters." />
      <button type="submit" disabled={reset.pending}>
        Set new password
      </button>
    </form>
  );
}
