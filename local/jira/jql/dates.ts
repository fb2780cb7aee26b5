/**
 * JQL date values for the date system fields (`updated`, `updatedDate`, `created`, `createdDate`),
 * as Jira documents them (JQL fields reference, "Updated"): an absolute date "yyyy/MM/dd HH:mm",
 * "yyyy-MM-dd HH:mm", "yyyy/MM/dd" or "yyyy-MM-dd" (midnight when no time is given; read in UTC
 * here, which is every emulated user's time zone), or a period relative to now: "-5m", "-2h",
 * "-1d", "-1w", "4w 2d" ("+" or no sign looks ahead). Jira compares at minute precision.
 */
import { semantic } from './errors';

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** Epoch ms of a JQL date value, relative periods against `now`; an invalid value is Jira's 400. */
export function jqlDateValue(raw: string, field: string, now: Date): number {
  const text = raw.trim();
  const absolute = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text);
  if (absolute) {
    const [, y, mo, d, h, mi] = absolute;
    return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0));
  }
  const period = /^([+-]?)((?:\s*\d+\s*[wdhm])+)$/i.exec(text);
  if (period) {
    let ms = 0;
    for (const part of period[2]!.matchAll(/(\d+)\s*([wdhm])/gi)) ms += Number(part[1]) * UNIT_MS[part[2]!.toLowerCase()]!;
    // Minute precision, as Jira: "-5m" is the start of the minute five minutes ago.
    const at = period[1] === '-' ? now.getTime() - ms : now.getTime() + ms;
    return Math.floor(at / 60_000) * 60_000;
  }
  throw semantic.invalidValue(raw, field);
}
