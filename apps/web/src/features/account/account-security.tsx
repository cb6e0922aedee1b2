'use client';

import { useViewer } from '@/features/shell/viewer';
import { MfaSection } from './mfa-section';
import { PasswordSection } from './password-section';

export function AccountSecurity() {
  const viewer = useViewer();
  return (
    <>
      <h1>Account security</h1>
      <p className="muted">
        {viewer.user.displayName} ({viewer.user.email})
      </p>
      <PasswordSection />
      <MfaSection />
    </>
  );
}
