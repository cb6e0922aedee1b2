import type { Metadata } from 'next';
import { AuthCard } from '@/features/auth/components/auth-card';
import { SignUpForm } from '@/features/auth/components/sign-up-form';

export const metadata: Metadata = { title: 'Create an account' };

export default function SignUpPage() {
  return (
    <AuthCard title="Create an account">
      <SignUpForm />
    </AuthCard>
  );
}
