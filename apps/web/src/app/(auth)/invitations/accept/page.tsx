import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AcceptInvitationForm } from '@/features/auth/components/accept-invitation-form';
import { AuthCard } from '@/features/auth/components/auth-card';

export const metadata: Metadata = { title: 'Accept invitation' };

export default function AcceptInvitationPage() {
  return (
    <AuthCard title="Accept invitation">
      <Suspense>
        <AcceptInvitationForm />
      </Suspense>
    </AuthCard>
  );
}
