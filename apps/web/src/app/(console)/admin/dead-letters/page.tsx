import type { Metadata } from 'next';
import { DeadLettersAdmin } from '@/features/admin/dead-letters/dead-letters-admin';

export const metadata: Metadata = { title: 'Dead letters' };

export default function DeadLettersPage() {
  return <DeadLettersAdmin />;
}
