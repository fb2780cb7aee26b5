/**
 * The score-over-time chart: its geometry (pure), the sentence that stands for it, and the table
 * that is its text alternative.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { chartMeasure, chartModel, chartSummary, passValue } from '../../static/app/src/views/audit-day/chart';
import { HistoryChart } from '../../static/app/src/views/audit-day/HistoryChart';
import { point } from './audit-day-fakes';

const SIZE = { width: 640, height: 200 };

describe('chartModel', () => {
  describe('when the points share one maximum (points model)', () => {
    const points = [point('2025-11-01', 700), point('2025-11-11', 950), point('2025-11-21', 845)];
    const chart = chartModel(points, 'points', SIZE);

    it('draws the score against the pass mark on a 0 – max scale', () => {
      expect(chart.measure).toBe('score');
      expect(chart.yTicks.map((tick) => tick.label)).toEqual(['0', '1000']);
      expect(chart.pass?.value).toBe(900);
      // plot: top 12, bottom 172 → 900 of 1000 sits at 172 − 0.9 × 160.
      expect(chart.pass?.y).toBe(28);
    });

    it('places points by date, first and last at the plot edges', () => {
      expect(chart.dots.map((dot) => dot.x)).toEqual([48, 336, 624]);
      expect(chart.path).toBe('M48,60 L336,20 L624,36.8');
      expect(chart.dots.map((dot) => dot.passed)).toEqual([false, true, false]);
      expect(chart.xTicks.map((tick) => [tick.label, tick.anchor])).toEqual([
        ['2025-11-01', 'start'],
        ['2025-11-21', 'end'],
      ]);
    });
  });

  it('keeps time gaps: weekly points far apart, daily ones close', () => {
    const chart = chartModel([point('2025-01-01', 500), point('2025-01-08', 500), point('2025-01-09', 500)], 'points', SIZE);
    const [a, b, c] = chart.dots.map((dot) => dot.x);
    expect(b! - a!).toBeCloseTo(7 * (c! - b!), 0);
  });

  it('places several points of one day by their time: the import score and the afternoon’s work both show', () => {
    const points = [
      point('2025-11-20', 500),
      point('2025-11-21', -3800, { at: '2025-11-21T09:00:00.000Z' }),
      point('2025-11-21', 200, { at: '2025-11-21T21:00:00.000Z' }),
      point('2025-11-22', 300),
    ];
    const [a, b, c, d] = chartModel(points, 'points', SIZE).dots.map((dot) => dot.x);
    expect(new Set([a, b, c, d]).size).toBe(4);
    // 09:00 and 21:00 are half a day apart; the last two points a whole day minus 21 hours.
    expect(c! - b!).toBeCloseTo(((d! - a!) / 2) * 0.5, 0);
  });

  it('extends the scale below zero when penalties push the score under it', () => {
    const chart = chartModel([point('2025-11-01', -400), point('2025-11-02', 100)], 'points', SIZE);
    expect(chart.yTicks.map((tick) => tick.label)).toEqual(['-400', '0', '1000']);
    expect(chart.dots[0]!.y).toBe(172);
  });

  it('draws the share of the maximum when a new version changed it, with the pass mark as a share too', () => {
    const points = [point('2025-10-01', 800), point('2025-11-01', 1020, { maxScore: 1200, passMark: 1080, percent: 85 })];
    expect(chartMeasure(points, 'points')).toBe('percent');
    expect(passValue(points, 'percent')).toBe(90);
    expect(chartModel(points, 'points', SIZE).dots.map((dot) => dot.value)).toEqual([80, 85]);
  });

  it('draws the share of items met under the met model, with no pass line', () => {
    const points = [point('2025-11-01', 40, { maxScore: 61, passMark: null, percent: 65.6 })];
    const chart = chartModel(points, 'met', SIZE);
    expect(chart.measure).toBe('percent');
    expect(chart.pass).toBeUndefined();
    expect(chart.dots).toEqual([{ x: 336, y: expect.any(Number), date: '2025-11-01', at: '2025-11-01', value: 65.6, passed: false }]);
  });

  it('draws nothing without points', () => {
    expect(chartModel([], 'points', SIZE)).toMatchObject({ path: '', dots: [], xTicks: [] });
  });
});

describe('chartSummary', () => {
  it.each([
    ['no points', [], 'points', 'No score history yet: the first point is recorded today or at the next daily run.'],
    ['one point', [point('2025-11-22', 845)], 'points', 'Score on 2025-11-22: 845; pass mark 900.'],
    [
      'several points',
      [point('2025-11-20', 800), point('2025-11-22', 845)],
      'points',
      'Score from 800 on 2025-11-20 to 845 on 2025-11-22, 2 points; pass mark 900.',
    ],
    ['the met model', [point('2025-11-22', 40, { maxScore: 61, passMark: null, percent: 65.6 })], 'met', 'Score on 2025-11-22: 65.6 % met.'],
  ] as const)('says the chart in words for %s', (_case, points, model, expected) => {
    expect(chartSummary([...points], model)).toBe(expected);
  });
});

describe('HistoryChart', () => {
  it('draws the line and the pass mark, described in words, with the figures as a table on request', () => {
    render(<HistoryChart points={[point('2025-11-20', 800), point('2025-11-21', 830), point('2025-11-22', 905)]} model="points" />);
    const region = screen.getByRole('region', { name: 'Score over time' });
    const image = within(region).getByRole('img');
    expect(image).toHaveAccessibleName('Score from 800 on 2025-11-20 to 905 on 2025-11-22, 3 points; pass mark 900.');
    expect(within(region).getByTestId('pass-line')).toHaveTextContent('Pass mark 900');

    fireEvent.click(within(region).getByRole('button', { name: 'Show the figures as a table' }));
    const table = within(region).getByRole('table', { name: 'Score history' });
    const rows = within(table).getAllByRole('row').slice(1);
    // Newest first: the day a team looks for is usually today.
    expect(rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent))).toEqual([
      ['2025-11-22', '905', '900', '2', 'Would pass'],
      ['2025-11-21', '830', '900', '2', 'Not yet'],
      ['2025-11-20', '800', '900', '2', 'Not yet'],
    ]);
  });

  it('lists each point of a day with its time in the table', () => {
    render(
      <HistoryChart
        points={[point('2025-11-21', -3800, { at: '2025-11-21T09:05:00.000Z' }), point('2025-11-21', 200, { at: '2025-11-21T16:40:00.000Z' })]}
        model="points"
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show the figures as a table' }));
    const rows = within(screen.getByRole('table', { name: 'Score history' })).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.querySelector('th')?.textContent)).toEqual(['2025-11-21 16:40 UTC', '2025-11-21 09:05 UTC']);
    expect(screen.getAllByRole('img')[0]!.querySelectorAll('circle')).toHaveLength(2);
  });

  it('explains an empty history instead of an empty chart', () => {
    render(<HistoryChart points={[]} model="met" />);
    expect(screen.getByTestId('history-summary')).toHaveTextContent('No score history yet');
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });
});
