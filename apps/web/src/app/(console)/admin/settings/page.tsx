import type { Metadata } from 'next';
import { OrgSettings } from '@/features/admin/settings/org-settings';

export const metadata: Metadata = { title: 'Organization settings' };

export default function OrgSettingsPage() {
  return <OrgSettings />;
}
