import type { Metadata } from 'next';
import { WebhooksAdmin } from '@/features/admin/webhooks/webhooks-admin';

export const metadata: Metadata = { title: 'Webhooks' };

export default function WebhooksPage() {
  return <WebhooksAdmin />;
}
