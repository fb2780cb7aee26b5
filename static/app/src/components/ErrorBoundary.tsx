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
    return <FailureScreen error={this.state.error} when="crashed" />;
  }
}

/** The whole frame when the app cannot go on: it failed to start, or a view crashed. */
export function FailureScreen({ error, when }: { error: unknown; when: 'startup' | 'crashed' }) {
  const t = useT(shellMessages);
  const [title, action] = when === 'startup' ? [t.startupTitle, t.startupAction] : [t.crashedTitle, t.crashedAction];
  return (
    <main style={{ padding: 16 }}>
      <Notice appearance="error" title={title}>
        {errorMessage(error, t.unknownFailure)} {action}
      </Notice>
    </main>
  );
}
