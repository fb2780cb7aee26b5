/**
 * The shell every module shares: services in context, the module's view by key, and a visible
 * failure instead of a blank iframe when the key is unknown or a view crashes.
 */
import { Suspense } from 'react';
import type { AppServices } from './api/audit-api';
import { ServicesProvider } from './api/services';
import { ErrorBoundary, FailureScreen } from './components/ErrorBoundary';
import { Loading } from './components/Loading';
import { Notice } from './components/Notice';
import { LocaleProvider, useT } from './i18n';
import { shellMessages } from './messages';
import { moduleViews, viewFor, viewsByExtensionType, type ModuleView } from './modules';

interface AppProps {
  moduleKey: string;
  /** `context.extension.type` (e.g. `jira:projectPage`): routes a module whose key is unknown. */
  extensionType?: string;
  services: AppServices;
  /** The user's locale (`context.locale`, e.g. `de-DE`): the views' words, dates and numbers. */
  locale?: string;
  /** Overridable so tests can route without the real lazy views. */
  views?: Readonly<Record<string, ModuleView>>;
  viewsByType?: Readonly<Record<string, ModuleView>>;
}

export function App({ locale, ...props }: AppProps) {
  return (
    <LocaleProvider locale={locale}>
      <Shell {...props} />
    </LocaleProvider>
  );
}

function Shell({ moduleKey, extensionType, services, views = moduleViews, viewsByType = viewsByExtensionType }: Omit<AppProps, 'locale'>) {
  const t = useT(shellMessages);
  const View = viewFor(moduleKey, extensionType, views, viewsByType);
  if (View && !Object.hasOwn(views, moduleKey)) {
    // Works, but says so: the manifest key and the context's key should agree.
    console.warn(`MSP Audit Ready: module key "${moduleKey}" is not in the manifest's list; shown by its type ${extensionType ?? ''}.`);
  }
  if (!View) {
    // Loud on purpose: a manifest module without a view is a deployment mistake to fix now.
    console.error(`MSP Audit Ready: no view for module "${moduleKey}" (type ${extensionType ?? 'unknown'}). Known: ${Object.keys(views).join(', ')}`);
    return (
      <main style={{ padding: 16 }}>
        <Notice appearance="error" title={t.missingTitle}>
          {t.missingBody(moduleKey)}
        </Notice>
      </main>
    );
  }
  return (
    <ServicesProvider services={services}>
      <ErrorBoundary>
        <Suspense fallback={<Loading label={t.loadingApp} />}>
          <View />
        </Suspense>
      </ErrorBoundary>
    </ServicesProvider>
  );
}

/**
 * Shown when the host gave no context (e.g. the page was opened outside Jira). Without the
 * context's locale the browser's language (`navigator.language`) chooses the words.
 */
export function StartupError({ error, locale }: { error: unknown; locale?: string }) {
  return (
    <LocaleProvider locale={locale}>
      <FailureScreen error={error} when="startup" />
    </LocaleProvider>
  );
}


