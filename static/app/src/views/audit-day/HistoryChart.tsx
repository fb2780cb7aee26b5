/**
 * The score over time against the pass mark: a small SVG line chart with a sentence for screen
 * readers and, on request, the same figures as a table (the chart's text alternative). Every
 * significant change is a point with its time, so a day can show several.
 */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { ScoreHistoryPoint, ScoringModelName } from '../../../../../common/contract';
import { useFmt, useT } from '../../i18n';
import { auditDayMessages } from './messages';
import { chartModel, chartSummary, pointTime, valueOf } from './chart';

const SIZE = { width: 640, height: 200 };
const cell = { padding: `${token('space.050', '4px')} ${token('space.100', '8px')}`, borderBottom: `1px solid ${token('color.border', '#091E4224')}` };
const numeric = { ...cell, textAlign: 'right' as const };

export function HistoryChart({ points, model }: { points: ScoreHistoryPoint[]; model: ScoringModelName }) {
  const t = useT(auditDayMessages).history;
  const fmt = useFmt();
  const headingId = useId();
  const tableId = useId();
  const [showTable, setShowTable] = useState(false);
  const chart = chartModel(points, model, SIZE);
  const summary = chartSummary(points, model, t);
  const unit = chart.measure === 'percent' ? ' %' : '';
  const subtle = token('color.text.subtle', '#44546F');

  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.100', '8px') }}>
      <Heading size="small" as="h3" id={headingId}>
        {t.title}
      </Heading>
      <p style={{ margin: 0 }} data-testid="history-summary">
        {summary}
      </p>
      {points.length > 0 && (
        <svg role="img" aria-label={summary} viewBox={`0 0 ${SIZE.width} ${SIZE.height}`} style={{ width: '100%', maxWidth: SIZE.width, height: 'auto' }}>
          <line x1={chart.plot.left} x2={chart.plot.left} y1={chart.plot.top} y2={chart.plot.bottom} stroke={token('color.border', '#091E4224')} />
          <line x1={chart.plot.left} x2={chart.plot.right} y1={chart.plot.bottom} y2={chart.plot.bottom} stroke={token('color.border', '#091E4224')} />
          {chart.yTicks.map((tick) => (
            <text key={`y${tick.label}`} x={chart.plot.left - 6} y={tick.y + 4} textAnchor="end" fontSize={11} fill={subtle}>
              {tick.label}
            </text>
          ))}
          {chart.xTicks.map((tick) => (
            // First and last may be the same day: the anchor (start, middle, end) keeps keys unique.
            <text key={`x${tick.anchor}`} x={tick.x} y={SIZE.height - 8} textAnchor={tick.anchor} fontSize={11} fill={subtle}>
              {fmt.date(tick.label)}
            </text>
          ))}
          {chart.pass && (
            <g data-testid="pass-line">
              <line x1={chart.plot.left} x2={chart.plot.right} y1={chart.pass.y} y2={chart.pass.y} stroke={token('color.border.success', '#22A06B')} strokeDasharray="6 4" />
              <text x={chart.plot.right} y={chart.pass.y - 4} textAnchor="end" fontSize={11} fill={token('color.text.success', '#216E4E')}>
                {t.passMark} {fmt.n(chart.pass.value)}
                {unit}
              </text>
            </g>
          )}
          <path d={chart.path} fill="none" stroke={token('color.border.brand', '#0C66E4')} strokeWidth={2} />
          {chart.dots.map((dot, index) => (
            <circle
              // Two changes may share a millisecond: the index keeps keys unique.
              key={`${dot.at}#${index}`}
              cx={dot.x}
              cy={dot.y}
              r={3}
              fill={dot.passed ? token('color.icon.success', '#22A06B') : token('color.icon.brand', '#0C66E4')}
            >
              <title>{`${pointTime(dot.at === dot.date ? { date: dot.date } : { date: dot.date, at: dot.at }, fmt)}: ${fmt.n(dot.value)}${unit}${dot.passed ? t.wouldPassNote : ''}`}</title>
            </circle>
          ))}
        </svg>
      )}
      {points.length > 0 && (
        <div>
          <Button appearance="subtle" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((shown) => !shown)}>
            {showTable ? t.hideFigures : t.showFigures}
          </Button>
        </div>
      )}
      {showTable && (
        <div id={tableId} style={{ overflowX: 'auto', maxHeight: 320 }}>
          <table style={{ borderCollapse: 'collapse', width: '100%' }} aria-label={t.tableLabel}>
            <thead>
              <tr>
                <th scope="col" style={{ ...cell, textAlign: 'left' }}>{t.when}</th>
                <th scope="col" style={numeric}>{chart.measure === 'percent' ? (model === 'met' ? t.metPct : t.pctOfMax) : t.score}</th>
                {model === 'points' && <th scope="col" style={numeric}>{t.passMark}</th>}
                <th scope="col" style={numeric}>{t.mandatoryOpen}</th>
                <th scope="col" style={{ ...cell, textAlign: 'left' }}>{t.verdict}</th>
              </tr>
            </thead>
            <tbody>
              {[...points].reverse().map((point, index) => (
                <tr key={`${point.at ?? point.date}#${index}`}>
                  <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 400 }}>{pointTime(point, fmt)}</th>
                  <td style={numeric}>
                    {fmt.n(valueOf(point, chart.measure))}
                    {unit}
                  </td>
                  {model === 'points' && <td style={numeric}>{point.passMark !== null ? fmt.n(point.passMark) : '—'}</td>}
                  <td style={numeric}>{fmt.n(point.mandatoryOpen)}</td>
                  <td style={cell}>{point.passed ? t.wouldPass : t.notYet}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
