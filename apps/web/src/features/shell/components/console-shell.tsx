'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useMemo, type ReactNode } from 'react';
import { ErrorAlert } from '@/components/error-alert';
import { useQuery, useSubscription } from '@/features/graphql/hooks';
import { sessionStore, type Session } from '@/features/session/session-store';
import { useSession } from '@/features/session/use-session';
import { ThemeToggle } from '@/features/theme/theme-toggle';
import { UnreadCountSubscription, ViewerQuery } from '../graphql/documents';
import { ViewerContext, type OrgRole, type Viewer } from '../viewer';
import { MainNav } from './main-nav';
import { OrgSwitcher } from './org-switcher';

/** Every signed-in screen: restores the session from the cookie, or sends the visitor to sign in. */
export function ConsoleShell({ children }: { children: ReactNode }) {
  const state = useSession();
  const router = useRouter();
  const pathname = usePathname();

  useEffect(() => {
    void sessionStore.restore().catch(() => undefined);
  }, []);
  useEffect(() => {
    if (state.status === 'signed-out') router.replace(`/sign-in?next=${encodeURIComponent(pathname)}`);
  }, [state.status, router, pathname]);

  if (state.status !== 'signed-in') {
    return (
      <main id="main" tabIndex={-1} className="auth-page">
        <p role="status">Loading…</p>
      </main>
    );
  }
  return <SignedInShell session={state.session}>{children}</SignedInShell>;
}

function SignedInShell({ session, children }: { session: Session; children: ReactNode }) {
  const { data, error, refetch } = useQuery(ViewerQuery, { userId: session.userId, orgId: session.orgId });
  // The count in the navigation follows every change, from this tab or anywhere else.
  const unread = useSubscription(UnreadCountSubscription, {});
  const liveUnread = unread.data?.notifications_aggregate.aggregate?.count;
  const viewer = useMemo<Viewer | undefined>(() => {
    if (!data?.me) return undefined;
    const org = data.orgs.find((candidate) => candidate.id === session.orgId);
    return {
      session,
      user: { id: data.me.id, displayName: data.me.display_name, email: data.me.email },
      org: org ?? { id: session.orgId, name: 'No organization' },
      orgs: data.orgs,
      role: data.membership[0]?.role as OrgRole | undefined,
      unreadCount: liveUnread ?? data.unread.aggregate?.count ?? 0,
      reload: refetch,
    };
  }, [data, session, refetch, liveUnread]);

  if (!viewer) {
    return (
      <main id="main" tabIndex={-1} className="auth-page">
        {error ? <ErrorAlert error={error} /> : <p role="status">Loading…</p>}
      </main>
    );
  }

  return (
    <ViewerContext.Provider value={viewer}>
      <div className="shell">
        <header>
          <Link href="/dashboard" className="brand">
            WorkGrid
          </Link>
          <OrgSwitcher />
          <ThemeToggle />
          <span className="muted" aria-label="Signed in as">
            {viewer.user.displayName}
          </span>
          <button type="button" className="secondary" onClick={() => void sessionStore.signOut()}>
            Sign out
          </button>
        </header>
        <MainNav />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </ViewerContext.Provider>
  );
}
