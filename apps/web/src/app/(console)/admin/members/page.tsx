import type { Metadata } from 'next';
import { MembersAdmin } from '@/features/admin/members/members-admin';

export const metadata: Metadata = { title: 'Members' };

export default function MembersPage() {
  return <MembersAdmin />;
}
