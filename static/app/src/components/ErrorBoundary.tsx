/** Catches a view that throws while rendering, so the user sees what happened and can reload. */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { errorMessage } from '../api/errors';
import { useT } from '../i18n';
import { shellMessages } from '../messages';
import { Notice } from './Notice';

interface State {
  error: unknown;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('MSP Audit Ready view crashed', error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return <Crashed error={this.state.error} />;
  }
}

function Crashed({ error }: { error: unknown }) {
  const t = useT(shellMessages);
  return (
    <main style={{ padding: 16 }}>
      <Notice appearance="error" title={t.crashedTitle}>
        {errorMessage(error, t.unknownFailure)} {t.crashedAction}
      </Notice>
    </main>
  );
}
