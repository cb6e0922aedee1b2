import type { Metadata } from 'next';
import { Queue } from '@/features/desk/components/queue';

export const metadata: Metadata = { title: 'Queue' };

export default function QueuePage() {
  return <Queue />;
}
