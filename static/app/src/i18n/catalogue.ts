/**
 * A catalogue: one view's words in every language the app ships, each language a function of the
 * locale's `Fmt` (numbers, dates, plurals) returning an object of strings and sentence functions.
 * English defines the shape (`Messages<typeof en>`); every other language is typed with it, so a
 * missing or extra key is a type error. Pure.
 */
import { makeFmt, type Fmt } from './fmt';

/** The languages the app ships; add one here and give every view's catalogue its file. */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

export type MessagesOf<M> = (fmt: Fmt) => M;

export type Catalogue<M> = { readonly [L in Language]: MessagesOf<M> };

/** A view's catalogue: English and every shipped language, each checked against English's shape. */
export function defineCatalogue<M extends object>(languages: Catalogue<M>): Catalogue<M> {
  return languages;
}

const built = new WeakMap<Catalogue<object>, Map<string, object>>();

/** The catalogue's words for a locale: its language when shipped, else English. Cached per locale. */
export function messagesFor<M extends object>(catalogue: Catalogue<M>, locale: string): M {
  const fmt = makeFmt(shippedLocale(locale));
  let byLocale = built.get(catalogue);
  if (!byLocale) {
    byLocale = new Map();
    built.set(catalogue, byLocale);
  }
  const known = byLocale.get(fmt.locale) as M | undefined;
  if (known) return known;
  const messages = catalogue[fmt.language as Language](fmt);
  byLocale.set(fmt.locale, messages);
  return messages;
}

/**
 * The locale the app speaks for a requested one: itself when its language is shipped, else en-US,
 * so an unshipped language reads English words with English figures, not a mix.
 */
export function shippedLocale(requested: string): string {
  const fmt = makeFmt(requested);
  return (LANGUAGES as readonly string[]).includes(fmt.language) ? fmt.locale : 'en-US';
}

/** English words outside React (pure word functions' default, tests). */
export const english = <M extends object>(catalogue: Catalogue<M>): M => messagesFor(catalogue, 'en-US');
