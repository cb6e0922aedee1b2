'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { ErrorAlert } from '@/components/error-alert';
import { ConsoleError } from '@/features/errors/console-error';
import { mutate } from '@/features/graphql/hooks';
import { VerifyEmailMutation } from '../graphql/documents';
import { useLinkToken } from './link-token';

type Outcome = { state: 'verifying' } | { state: 'verified' } | { state: 'failed'; error: ConsoleError };

export function VerifyEmail() {
  const token = useLinkToken();
  const [outcome, setOutcome] = useState<Outcome>({ state: 'verifying' });
  const started = useRef(false);
  useEffect(() => {
    // The token is single-use: Strict Mode's second effect run must not spend it again.
    if (started.current || token === '') return;
    started.current = true;
    void mutate(VerifyEmailMutation, { token }).then((result) =>
      setOutcome(result.ok ? { state: 'verified' } : { state: 'failed', error: result.error }),
    );
  }, [token]);

  if (token === '') return <p className="alert">This link has no token: open the link from the email again.</p>;
  if (outcome.state === 'verifying') return <p role="status">Verifying…</p>;
  if (outcome.state === 'failed') return <ErrorAlert error={outcome.error} />;
  return (
    <p role="status" className="alert success">
      Your email address is verified. <Link href="/sign-in">Sign in</Link>
    </p>
  );
}
