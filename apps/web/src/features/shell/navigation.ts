import { isDeskStaff, type Viewer } from './viewer';

export interface NavItem {
  href: string;
  label: string;
  /** A count shown next to the label (e.g. unread notifications). */
  count?: (viewer: Viewer) => number;
  /** Shown only when this says so (the API refuses the others anyway). */
  visible?: (viewer: Viewer) => boolean;
}

export interface NavSection {
  label: string;
  /** Shown to owners and admins only (the API refuses the others anyway). */
  adminOnly?: boolean;
  items: NavItem[];
}

/** The console's navigation; a feature adds its screens here. */
export const NAV_SECTIONS: NavSection[] = [
  {
    label: 'Workspace',
    items: [
      { href: '/dashboard', label: 'Dashboard' },
      { href: '/notifications', label: 'Notifications', count: (viewer) => viewer.unreadCount },
      { href: '/my-work', label: 'My work' },
      { href: '/projects', label: 'Projects' },
    ],
  },
  {
    label: 'Service desk',
    items: [
      { href: '/desk', label: 'Queue', visible: (viewer) => isDeskStaff(viewer.role) },
      { href: '/portal', label: 'My requests' },
    ],
  },
  {
    label: 'Account',
    items: [
      { href: '/account', label: 'Security' },
      { href: '/api-keys', label: 'API keys' },
    ],
  },
  {
    label: 'Admin',
    adminOnly: true,
    items: [
      { href: '/admin/settings', label: 'Settings' },
      { href: '/admin/members', label: 'Members' },
      { href: '/admin/invitations', label: 'Invitations' },
      { href: '/admin/webhooks', label: 'Webhooks' },
      { href: '/admin/dead-letters', label: 'Dead letters' },
      { href: '/admin/audit-log', label: 'Audit log' },
      { href: '/admin/mailbox', label: 'Mailbox' },
    ],
  },
];
