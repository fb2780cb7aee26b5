/**
 * Entry of the one Custom UI app: read the module context from the host, apply its theme, and
 * render the view for that module. Everything view-specific loads lazily (see modules.ts) so the
 * first paint carries only React, the bridge and this shell.
 */
import '@atlaskit/css-reset';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { view } from '@forge/bridge';
import { App, StartupError } from './App';
import { createBridgeServices } from './api/bridge-api';
import { safeLocale } from './i18n';
import { applyTheme } from './theme';

function extensionTypeOf(context: { extension?: unknown }): string | undefined {
  const extension = context.extension;
  if (typeof extension !== 'object' || extension === null) return undefined;
  const type = (extension as Record<string, unknown>).type;
  return typeof type === 'string' ? type : undefined;
}

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element.');
  const root = createRoot(container);
  try {
    const context = await view.getContext();
    // Screen readers pronounce the words in the user's language.
    document.documentElement.lang = safeLocale(context.locale);
    // Theming is cosmetic: a host that cannot theme must not keep the page from working.
    void applyTheme(context.theme?.colorMode).catch((error: unknown) => console.warn('Theme not applied', error));
    root.render(
      <StrictMode>
        <App moduleKey={context.moduleKey} locale={context.locale} extensionType={extensionTypeOf(context)} services={createBridgeServices()} />
      </StrictMode>,
    );
  } catch (error) {
    console.error('MSP Audit Ready could not start', error);
    root.render(<StartupError error={error} locale={navigator.language} />);
  }
}

void start();
