/** The Audit page's tabs and their paths (the part of the page URL after the app's own); their names are in the catalogue (`t.tabs`). */

export const AUDIT_TABS = [
  { id: 'overview', path: '/' },
  { id: 'chapters', path: '/chapters' },
  { id: 'evidence', path: '/evidence' },
  { id: 'audit-day', path: '/audit-day' },
  { id: 'plan', path: '/plan' },
  { id: 'trail', path: '/trail' },
] as const;

export type AuditTabId = (typeof AUDIT_TABS)[number]['id'];

/** The tab a path opens; anything unknown (an old link, a typo) opens the overview. */
export function tabForPath(path: string): AuditTabId {
  const clean = `/${path.split(/[?#]/)[0]?.replace(/^\/+|\/+$/g, '') ?? ''}`;
  return AUDIT_TABS.find((tab) => tab.path === clean)?.id ?? 'overview';
}

export function pathForTab(id: AuditTabId): string {
  return AUDIT_TABS.find((tab) => tab.id === id)?.path ?? '/';
}
