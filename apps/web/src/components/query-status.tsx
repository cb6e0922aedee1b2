import type { ConsoleError } from '@/features/errors/console-error';
import { ErrorAlert } from './error-alert';

/** Loading and failure of a screen's query, announced politely. */
export function QueryStatus({ fetching, error, hasData }: { fetching: boolean; error: ConsoleError | undefined; hasData: boolean }) {
  if (error) return <ErrorAlert error={error} />;
  if (fetching && !hasData) return <p role="status">Loading…</p>;
  return null;
}
