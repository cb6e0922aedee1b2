'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/field';
import { useMutation } from '@/features/graphql/hooks';
import { SignUpMutation } from '../graphql/documents';

export function SignUpForm() {
  const signUp = useMutation(SignUpMutation);
  const [message, setMessage] = useState<string | undefined>(undefined);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const data = await signUp.run({
      email: String(form.get('email')),
      password: String(form.get('password')),
      displayName: String(form.get('displayName')),
      orgName: String(form.get('orgName')),
    });
    if (data?.signUp) setMessage(data.signUp.message);
  }

  if (message) {
    return (
      <div role="status" className="alert success">
        <p>{message}</p>
        <p>
          Follow the link in the email, then <Link href="/sign-in">sign in</Link>.
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={submit}>
      <ErrorAlert error={signUp.error} />
      <Field label="Your name" name="displayName" autoComplete="name" required maxLength={120} />
      <Field label="Email" name="email" type="email" autoComplete="email" required />
      <Field label="Password" name="password" type="password" autoComplete="new-password" required minLength={12} hint="At least 12 characters." />
      <Field label="Organization name" name="orgName" autoComplete="organization" required maxLength={120} />
      <button type="submit" disabled={signUp.pending}>
        {signUp.pending ? 'Creating…' : 'Create account'}
      </button>
      <p>
        Already have an account? <Link href="/sign-in">Sign in</Link>
      </p>
    </form>
  );
}
