import type { ReactNode } from 'react';
import { ThemeToggle } from '@/features/theme/theme-toggle';

/** The frame of the pages a signed-out person sees. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="auth-page">
      <main id="main" tabIndex={-1}>
        <p className="muted">
          <strong>WorkGrid</strong>
        </p>
        <div className="card">
          <h1>{title}</h1>
          {children}
        </div>
        <p>
          <ThemeToggle />
        </p>
      </main>
    </div>
  );
}
