/**
 * Geometry of the score-over-time chart, pure so it is tested without a DOM. Our own rather than a
 * chart library: one line, a pass line and a few labels do not justify ~100 KB of JavaScript.
 *
 * - Points model: the score (which penalties can push below zero) against the pass mark. If the
 *   maximum changed over the period (a new checklist version), the share of the maximum is drawn
 *   instead, so old and new points stay comparable.
 * - Met model: the share of items met; there is no pass mark (passing means every mandatory item is
 *   met), so each point is marked passed or not instead.
 * - The x axis is time (the snapshot's instant, or its day without one), not point order: a busy
 *   day holds several points close together, older history one point per week.
 */
import type { ScoreHistoryPoint, ScoringModelName } from '../../../../../common/contract';
import type { Fmt } from '../../i18n';
import { auditDayEnglish } from './messages';
import type { AuditDayMessages, HistoryMeasure } from './messages.en';

export interface ChartSize {
  width: number;
  height: number;
}

export interface ChartDot {
  x: number;
  y: number;
  date: string;
  /** The point's time (ISO), or its day when the server sent none. */
  at: string;
  value: number;
  passed: boolean;
}

export interface ChartModel {
  /** What the y axis shows. */
  measure: 'score' | 'percent';
  /** SVG path of the line; empty with no points. */
  path: string;
  dots: ChartDot[];
  /** The pass line, when there is one. */
  pass?: { y: number; value: number };
  yTicks: { y: number; label: string }[];
  /** First and last day; labels anchored inwards so neither runs off the chart. */
  xTicks: { x: number; label: string; anchor: 'start' | 'middle' | 'end' }[];
  plot: { left: number; right: number; top: number; bottom: number };
}

const MARGIN = { left: 48, right: 16, top: 12, bottom: 28 };
const DAY_MS = 86_400_000;

export function chartMeasure(points: readonly ScoreHistoryPoint[], model: ScoringModelName): 'score' | 'percent' {
  if (model === 'met') return 'percent';
  const maxima = new Set(points.map((point) => point.maxScore));
  return maxima.size > 1 ? 'percent' : 'score';
}

export function valueOf(point: ScoreHistoryPoint, measure: 'score' | 'percent'): number {
  return measure === 'score' ? point.score : point.percent;
}

/** The pass line in the chart's measure, from the latest point (the mark in force now). */
export function passValue(points: readonly ScoreHistoryPoint[], measure: 'score' | 'percent'): number | undefined {
  const latest = points[points.length - 1];
  if (!latest || latest.passMark === null) return undefined;
  if (measure === 'score') return latest.passMark;
  return latest.maxScore > 0 ? Math.round((latest.passMark * 1000) / latest.maxScore) / 10 : undefined;
}

export function chartModel(points: readonly ScoreHistoryPoint[], model: ScoringModelName, size: ChartSize): ChartModel {
  const measure = chartMeasure(points, model);
  const plot = { left: MARGIN.left, right: size.width - MARGIN.right, top: MARGIN.top, bottom: size.height - MARGIN.bottom };
  const pass = passValue(points, measure);
  const values = points.map((point) => valueOf(point, measure));
  const ceiling = measure === 'percent' ? 100 : Math.max(0, ...points.map((point) => point.maxScore));
  const yMax = Math.max(ceiling, pass ?? 0, ...values, 1);
  const yMin = Math.min(0, ...values);
  const y = (value: number): number => round(plot.bottom - ((value - yMin) / (yMax - yMin)) * (plot.bottom - plot.top));

  const days = points.map(dayNumber);
  const first = days[0] ?? 0;
  const last = days[days.length - 1] ?? 0;
  const x = (day: number): number =>
    last === first ? round((plot.left + plot.right) / 2) : round(plot.left + ((day - first) / (last - first)) * (plot.right - plot.left));

  const dots = points.map((point, index): ChartDot => ({
    x: x(days[index] ?? first),
    y: y(values[index] ?? 0),
    date: point.date,
    at: point.at ?? point.date,
    value: values[index] ?? 0,
    passed: point.passed,
  }));
  const path = dots.map((dot, index) => `${index === 0 ? 'M' : 'L'}${dot.x},${dot.y}`).join(' ');
  const unit = measure === 'percent' ? ' %' : '';
  const tickValues = [...new Set([yMin, 0, yMax])].sort((a, b) => a - b);
  const firstDot = dots[0];
  const lastDot = dots[dots.length - 1];
  const xTicks = !firstDot || !lastDot ? [] : firstDot === lastDot ? [firstDot] : [firstDot, lastDot];

  return {
    measure,
    path,
    dots,
    ...(pass !== undefined ? { pass: { y: y(pass), value: pass } } : {}),
    yTicks: tickValues.map((value) => ({ y: y(value), label: `${value}${unit}` })),
    xTicks: xTicks.map((dot, index) => ({ x: dot.x, label: dot.date, anchor: xTicks.length === 1 ? 'middle' : index === 0 ? 'start' : 'end' })),
    plot,
  };
}

/** The chart in one sentence, for screen readers and the figure caption, in the catalogue's language. */
export function chartSummary(points: readonly ScoreHistoryPoint[], model: ScoringModelName, t: AuditDayMessages['history'] = auditDayEnglish().history): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return t.summaryNone;
  const measure = chartMeasure(points, model);
  const said: HistoryMeasure = measure === 'score' ? 'score' : model === 'met' ? 'met' : 'max';
  const pass = passValue(points, measure);
  const end = (point: ScoreHistoryPoint) => ({ date: point.date, value: valueOf(point, measure) });
  if (points.length === 1) return t.summaryOne(end(first), said, pass);
  return t.summaryRange(end(first), end(last), points.length, said, pass);
}

/** The point's time in (fractional) days since the epoch: its instant when known, else its day. */
function dayNumber(point: ScoreHistoryPoint): number {
  const at = point.at === undefined ? Number.NaN : Date.parse(point.at);
  return (Number.isNaN(at) ? Date.parse(`${point.date}T00:00:00Z`) : at) / DAY_MS;
}

/** "2026-03-02 14:05 UTC" for a point with its time, "2026-03-02" without; the day as `fmt` writes it (German: 02.03.2026). */
export function pointTime(point: Pick<ScoreHistoryPoint, 'date' | 'at'>, fmt?: Fmt): string {
  const day = (iso: string) => (fmt ? fmt.date(iso) : iso.slice(0, 10));
  if (point.at === undefined || Number.isNaN(Date.parse(point.at))) return day(point.date);
  const instant = new Date(point.at).toISOString();
  return `${day(instant)} ${instant.slice(11, 16)} UTC`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
