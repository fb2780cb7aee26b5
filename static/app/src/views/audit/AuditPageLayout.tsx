/** The Audit page's frame: its heading, and "loading" or "could not load" until the score is there. Props only. */
import type { ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { useT } from '../../i18n';
import { auditMessages } from './messages';

export interface AuditPageLayoutProps {
  loading: boolean;
  /** Why the score could not be read; shown with a "Try again". */
  error?: string;
  onRetry: () => void;
  children?: ReactNode;
}

export function AuditPageLayout({ loading, error, onRetry, children }: AuditPageLayoutProps) {
  const t = useT(auditMessages);
  return (
    <main style={{ padding: token('space.300', '24px'), display: 'grid', gap: token('space.300', '24px'), maxWidth: 1100 }}>
      <Heading size="xlarge" as="h1">
        {t.pageTitle}
      </Heading>
      {loading && <Loading label={t.loadingScore} />}
      {error !== undefined && (
        <Notice appearance="error" title={t.loadError} actions={<Button onClick={onRetry}>{t.tryAgain}</Button>}>
          {error}
        </Notice>
      )}
      {children}
    </main>
  );
}
