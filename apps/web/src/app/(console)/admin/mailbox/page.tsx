import type { Metadata } from 'next';
import { MailboxAdmin } from '@/features/admin/mailbox/mailbox-admin';

export const metadata: Metadata = { title: 'Mailbox' };

export default function MailboxPage() {
  return <MailboxAdmin />;
}
