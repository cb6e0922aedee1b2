import type { ConsoleError } from '@/features/errors/console-error';

/** A refusal as people read it; announced by screen readers as soon as it appears. */
export function ErrorAlert({ error }: { error: ConsoleError | undefined }) {
  if (!error) return null;
  return (
    <div className="alert" role="alert" data-error-code={error.code}>
      {error.message}
    </div>
  );
}
