import type { Metadata } from 'next';
import { AuditLog } from '@/features/admin/audit-log/audit-log';

export const metadata: Metadata = { title: 'Audit log' };

export default function AuditLogPage() {
  return <AuditLog />;
}
