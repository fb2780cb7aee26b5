/**
 * The Audit page's own address inside Jira's (which tab is open), so a tab is a link that survives
 * a reload. Over Forge's `view.createHistory()` in the app (wired in bridge-api.ts: paths are
 * relative to the app's page URL); in memory in tests. Bridge-free, so tests import it freely.
 */

export interface PageHistory {
  /** Calls `onPath` with the current path at once, then on every change (back, forward); returns the stop. */
  listen(onPath: (path: string) => void): () => void;
  /** Opens `path` (e.g. `/chapters`) as a new entry of the browser's history. */
  push(path: string): void;
}

/** What `view.createHistory()` resolves to, as far as the page uses it. */
export interface HostHistory {
  location: { pathname: string };
  push(path: string): void;
  listen(listener: (location: { pathname: string }) => void): () => void;
}

/** Adapts the host's history (created once, on first use) to PageHistory. */
export function pageHistoryOver(create: () => Promise<HostHistory>): PageHistory {
  let created: Promise<HostHistory> | undefined;
  const history = () => (created ??= create());
  return {
    listen(onPath) {
      let stop: (() => void) | undefined;
      let stopped = false;
      history()
        .then((h) => {
          if (stopped) return;
          onPath(h.location.pathname);
          stop = h.listen((location) => onPath(location.pathname));
        })
        .catch((error: unknown) => console.warn('Tabs work without deep links: the host gave no history', error));
      return () => {
        stopped = true;
        stop?.();
      };
    },
    push(path) {
      history()
        .then((h) => h.push(path))
        .catch((error: unknown) => console.warn('The tab was not put in the address', error));
    },
  };
}

/** A history in memory, starting at `initial`: for tests (`paths` records every push). */
export function memoryPageHistory(initial = '/'): PageHistory & { paths: string[] } {
  let path = initial;
  const listeners = new Set<(path: string) => void>();
  const paths: string[] = [];
  return {
    paths,
    listen(onPath) {
      listeners.add(onPath);
      onPath(path);
      return () => void listeners.delete(onPath);
    },
    push(next) {
      path = next;
      paths.push(next);
      listeners.forEach((listener) => listener(next));
    },
  };
}
