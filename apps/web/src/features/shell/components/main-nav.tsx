'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { NAV_SECTIONS } from '../navigation';
import { isOrgAdmin, useViewer } from '../viewer';

export function MainNav() {
  const viewer = useViewer();
  const pathname = usePathname();
  const sections = NAV_SECTIONS.filter((section) => !section.adminOnly || isOrgAdmin(viewer.role));
  return (
    <nav aria-label="Main">
      {sections.map((section) => (
        <div key={section.label}>
          <h2 id={`nav-${section.label}`}>{section.label}</h2>
          <ul aria-labelledby={`nav-${section.label}`}>
            {section.items.filter((item) => item.visible?.(viewer) ?? true).map((item) => {
              const count = item.count?.(viewer) ?? 0;
              const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
              return (
                <li key={item.href}>
                  <Link href={item.href} aria-current={current ? 'page' : undefined}>
                    <span>{item.label}</span>
                    {count > 0 ? (
                      <span className="badge accent" aria-label={`${count} unread`}>
                        {count}
                      </span>
                    ) : null}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
