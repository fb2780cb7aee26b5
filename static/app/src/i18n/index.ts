/** The app's small i18n layer: catalogues per view (TypeScript objects), the locale from the Forge context. */
export { LANGUAGES, defineCatalogue, english, messagesFor, shippedLocale, type Catalogue, type Language } from './catalogue';
export { makeFmt, safeLocale, type Fmt, type PluralForms } from './fmt';
export { LocaleProvider, useFmt, useLocale, useT } from './LocaleProvider';
