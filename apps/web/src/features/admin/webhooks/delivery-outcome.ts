/** One sentence for the answer of testWebhook / redeliverWebhook. */
export function deliveryOutcome(result: { status: string; response_code?: number | null; error?: string | null }): string {
  const code = result.response_code ? ` (HTTP ${result.response_code})` : '';
  const error = result.error ? `: ${result.error}` : '';
  return `Delivery ${result.status}${code}${error}.`;
}
