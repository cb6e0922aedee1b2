import type { Metadata } from 'next';
import { Portal } from '@/features/desk/components/portal';

export const metadata: Metadata = { title: 'My requests' };

export default function PortalPage() {
  return <Portal />;
}
