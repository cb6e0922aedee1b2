'use client';

import { createContext, useContext } from 'react';
import type { Session } from '@/features/session/session-store';

/** The org roles, most powerful first (org_roles). */
export const ORG_ROLES = ['owner', 'admin', 'manager', 'agent', 'member', 'requester', 'guest'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export interface Viewer {
  session: Session;
  user: { id: string; displayName: string; email: string };
  org: { id: string; name: string };
  orgs: { id: string; name: string }[];
  role: OrgRole | undefined;
  unreadCount: number;
  /** Reads the viewer again (after a role change, a notification marked read, ...). */
  reload: () => void;
}

export const ViewerContext = createContext<Viewer | undefined>(undefined);

export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer outside the console shell');
  return viewer;
}

/** Those who work the service desk; members and requesters are requesters there. */
export const isDeskStaff = (role: OrgRole | undefined) => role === 'owner' || role === 'admin' || role === 'manager' || role === 'agent';

export const isOrgAdmin = (role: OrgRole | undefined) => role === 'owner' || role === 'admin';
