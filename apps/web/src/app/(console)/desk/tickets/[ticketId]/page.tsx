import type { Metadata } from 'next';
import { TicketDetail } from '@/features/desk/components/ticket-detail';

export const metadata: Metadata = { title: 'Ticket' };

export default async function TicketPage({ params }: { params: Promise<{ ticketId: string }> }) {
  const { ticketId } = await params;
  return <TicketDetail ticketId={ticketId} />;
}
