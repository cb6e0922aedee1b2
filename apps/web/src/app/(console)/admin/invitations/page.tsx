import type { Metadata } from 'next';
import { InvitationsAdmin } from '@/features/admin/invitations/invitations-admin';

export const metadata: Metadata = { title: 'Invitations' };

export default function InvitationsPage() {
  return <InvitationsAdmin />;
}
