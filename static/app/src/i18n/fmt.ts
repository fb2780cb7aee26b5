/**
 * Numbers, dates and plurals in one locale (the user's, from the Forge context). Pure: one `Fmt`
 * per locale, made once and shared by every catalogue.
 */

/** The plural forms a sentence may need; `other` is the one every language has. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface Fmt {
  /** The BCP 47 tag the figures follow, e.g. `de-DE`. */
  readonly locale: string;
  /** Its language, e.g. `de`: which catalogue speaks. */
  readonly language: string;
  /** A number: decimal sign and grouping of the locale (grouped from five digits, so a 1000-point score stays one word). */
  n(value: number): string;
  /** A share already in percent (0–100): `85%`, `85 %`. */
  pct(value: number): string;
  /** A day from an ISO date or instant (UTC): `2026-03-02` in English, `02.03.2026` in German. */
  date(iso: string): string;
  /** A day with the month's name: `2 Mar 2026`, `02.03.2026`. */
  longDate(iso: string | Date): string;
  /** The form of `forms` the locale's plural rules pick for `count`. */
  plural(count: number, forms: PluralForms): string;
}

const DAY = /^\d{4}-\d{2}-\d{2}/;

/** A locale tag the Intl APIs accept, else `en-US` (a host that sends none or garbage). */
export function safeLocale(locale: string | undefined | null): string {
  if (typeof locale !== 'string' || locale.trim() === '') return 'en-US';
  try {
    return Intl.getCanonicalLocales(locale.trim().replace('_', '-'))[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

const cache = new Map<string, Fmt>();

export function makeFmt(requested: string): Fmt {
  const locale = safeLocale(requested);
  const known = cache.get(locale);
  if (known) return known;
  const language = locale.split('-')[0]?.toLowerCase() ?? 'en';
  const english = language === 'en';
  // 'min2': 845 and 1000 as they are, 12 500 grouped; older engines ignore it and group always.
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: 'min2' } as Intl.NumberFormatOptions);
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const days = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  // English keeps the app's unambiguous forms (ISO days; "2 Mar 2026"), read the same in en-US and en-GB.
  const longDays = new Intl.DateTimeFormat(english ? 'en-GB' : locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const rules = new Intl.PluralRules(locale);
  const asDate = (value: string | Date): Date | undefined => {
    const date = typeof value === 'string' ? new Date(DAY.test(value) && value.length === 10 ? `${value}T00:00:00Z` : value) : value;
    return Number.isNaN(date.getTime()) ? undefined : date;
  };
  const fmt: Fmt = {
    locale,
    language,
    n: (value) => numbers.format(value),
    pct: (value) => percents.format(value / 100),
    date: (iso) => {
      if (english) return DAY.test(iso) ? iso.slice(0, 10) : iso;
      const date = asDate(iso);
      return date ? days.format(date) : iso;
    },
    longDate: (value) => {
      const date = asDate(value);
      return date ? longDays.format(date) : String(value);
    },
    plural: (count, forms) => forms[rules.select(count)] ?? forms.other,
  };
  cache.set(locale, fmt);
  return fmt;
}
