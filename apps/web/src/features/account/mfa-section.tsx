'use client';

import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/field';
import { SecretOnce } from '@/components/secret-once';
import { useMutation } from '@/features/graphql/hooks';
import { DisableMfaMutation, EnrollMfaMutation, VerifyMfaMutation } from './documents';

type Step = { name: 'start' } | { name: 'confirm'; secret: string; otpauthUrl: string } | { name: 'enabled'; backupCodes: string[] } | { name: 'disabled' };

/**
 * TOTP in three steps: a secret for the authenticator app, a first code to confirm it, then the
 * backup codes (shown once). The API does not say whether MFA is on until an action answers.
 */
export function MfaSection() {
  const enroll = useMutation(EnrollMfaMutation);
  const verify = useMutation(VerifyMfaMutation);
  const disable = useMutation(DisableMfaMutation);
  const [step, setStep] = useState<Step>({ name: 'start' });

  async function confirm(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const answer = await verify.run({ code: String(new FormData(event.currentTarget).get('code')).trim() });
    if (answer?.verifyMfa?.enabled) setStep({ name: 'enabled', backupCodes: answer.verifyMfa.backup_codes });
  }

  async function turnOff(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const answer = await disable.run({ code: String(new FormData(event.currentTarget).get('code')).trim() });
    if (answer?.disableMfa && !answer.disableMfa.enabled) setStep({ name: 'disabled' });
  }

  return (
    <section className="card" aria-labelledby="mfa-heading">
      <h2 id="mfa-heading">Two-step sign-in</h2>
      {step.name === 'start' || step.name === 'disabled' ? (
        <>
          {step.name === 'disabled' ? (
            <p role="status" className="alert success">
              Two-step sign-in is off.
            </p>
          ) : null}
          <p>Ask for a code from an authenticator app after the password.</p>
          <ErrorAlert error={enroll.error} />
          <button
            type="button"
            disabled={enroll.pending}
            onClick={async () => {
              const answer = await enroll.run({});
              if (answer?.enrollMfa) setStep({ name: 'confirm', secret: answer.enrollMfa.secret, otpauthUrl: answer.enrollMfa.otpauth_url });
            }}
          >
            Turn on two-step sign-in
          </button>
        </>
      ) : null}
      {step.name === 'confirm' ? (
        <form onSubmit={confirm}>
          <p>
            Add this key to your authenticator app (or open the <a href={step.otpauthUrl}>setup link</a> on this device), then enter the code it shows.
          </p>
          <p className="mono" aria-label="Authenticator key">
            {step.secret}
          </p>
          <ErrorAlert error={verify.error} />
          <Field label="Code from the app" name="code" autoComplete="one-time-code" inputMode="numeric" required />
          <button type="submit" disabled={verify.pending}>
            Confirm
          </button>
        </form>
      ) : null}
      {step.name === 'enabled' ? <SecretOnce label="Backup codes" value={step.backupCodes.join(' ')} /> : null}
      {step.name !== 'confirm' ? (
        <form onSubmit={turnOff} aria-labelledby="mfa-off-heading">
          <h3 id="mfa-off-heading">Turn it off</h3>
          <ErrorAlert error={disable.error} />
          <Field label="Current code or a backup code" name="code" id="mfa-off-code" autoComplete="one-time-code" required />
          <button type="submit" className="danger" disabled={disable.pending}>
            Turn off two-step sign-in
          </button>
        </form>
      ) : null}
    </section>
  );
}
