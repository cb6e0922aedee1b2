import type { Metadata } from 'next';
import { PortalTicket } from '@/features/desk/components/portal-ticket';

export const metadata: Metadata = { title: 'Request' };

export default async function PortalTicketPage({ params }: { params: Promise<{ ticketId: string }> }) {
  const { ticketId } = await params;
  return <PortalTicket ticketId={ticketId} />;
}
