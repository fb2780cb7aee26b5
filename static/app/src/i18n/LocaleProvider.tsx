/**
 * The user's locale for every view: fed once from the Forge context (`context.locale`) by the
 * shell; `useT(catalogue)` gives a view its words in that locale, `useFmt()` its numbers and dates.
 * Without a provider (tests, a host that sends no locale) everything is English (en-US).
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { messagesFor, shippedLocale, type Catalogue } from './catalogue';
import { makeFmt, safeLocale, type Fmt } from './fmt';

const LocaleContext = createContext<string>('en-US');

export function LocaleProvider({ locale, children }: { locale: string | undefined; children: ReactNode }) {
  return <LocaleContext.Provider value={shippedLocale(safeLocale(locale))}>{children}</LocaleContext.Provider>;
}

/** The locale the app speaks: the context's when its language is shipped, else en-US. */
export function useLocale(): string {
  return useContext(LocaleContext);
}

/** A view's words in the user's language (English when the language is not shipped). */
export function useT<M extends object>(catalogue: Catalogue<M>): M {
  const locale = useLocale();
  return useMemo(() => messagesFor(catalogue, locale), [catalogue, locale]);
}

/** Numbers, dates and plurals in the user's locale. */
export function useFmt(): Fmt {
  return makeFmt(useLocale());
}
