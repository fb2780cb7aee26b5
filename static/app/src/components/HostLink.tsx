/**
 * A link to a Jira page outside the iframe. Keeps a real href (keyboard, "copy link", screen
 * readers announce a link) but navigates through the host, because the iframe cannot.
 */
import type { MouseEvent, ReactNode } from 'react';
import { useServices } from '../api/services';

interface HostLinkProps {
  /** A Jira path, e.g. `/browse/MSP-12`. */
  path: string;
  children: ReactNode;
  'aria-label'?: string;
}

export function HostLink({ path, children, ...aria }: HostLinkProps) {
  const { host } = useServices();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    void host.open(path).catch((error: unknown) => console.warn('Could not open', path, error));
  };
  return (
    // Underlined: inside a sentence a link must not differ by its colour alone (WCAG 1.4.1).
    <a href={path} onClick={onClick} style={{ textDecoration: 'underline' }} {...aria}>
      {children}
    </a>
  );
}

export const issuePath = (issueKey: string): string => `/browse/${encodeURIComponent(issueKey)}`;
export const searchPath = (jql: string): string => `/issues/?jql=${encodeURIComponent(jql)}`;
