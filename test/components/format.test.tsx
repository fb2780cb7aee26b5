import { mandatoryCostLine, projectionLine, relativeTime, scoreLine, scoreWhyLine } from '../../static/app/src/views/audit/format';
import { filterItems } from '../../static/app/src/views/audit/score/explain-filter';
import { errorMessage, UNKNOWN_FAILURE } from '../../static/app/src/api/errors';
import { noRisksLine } from '../../static/app/src/views/audit/score/AuditRisks';
import { passRuleWords } from '../../static/app/src/views/audit/import/ChecklistPreview';
import { awsChecklist, metNotYet, pointsNotYet } from './fixtures';

describe('scoreLine', () => {
  it.each([
    ['points, under the mark', { ...pointsNotYet, score: 845, passed: false }, '845 / 1000 — pass mark 900 — not yet'],
    ['points, at the mark', { ...pointsNotYet, score: 900, passed: true }, '900 / 1000 — pass mark 900 — would pass'],
    ['met, mandatory open', metNotYet, '52 of 61 met, N/A or waived — 3 mandatory open — not yet'],
    ['met, all done', { ...metNotYet, score: 61, mandatoryOpen: [], passed: true }, '61 of 61 met, N/A or waived — 0 mandatory open — would pass'],
  ])('when %s returns the sentence', (_case, rollup, expected) => {
    expect(scoreLine(rollup)).toBe(expected);
  });
});

describe('scoreWhyLine', () => {
  it('says what was earned and what the unmet mandatory items cost (points)', () => {
    expect(scoreWhyLine(pointsNotYet)).toBe('25 points earned of 1000, minus 2 unmet mandatory items × 50 penalty (−100).');
  });
  it('explains a first, all-penalty score', () => {
    const items = pointsNotYet.items.map((item) => ({ ...item, earned: 0, cost: item.mandatory ? 200 : 0 }));
    expect(scoreWhyLine({ ...pointsNotYet, items })).toBe('0 points earned of 1000, minus 2 unmet mandatory items × 200 penalty (−400).');
  });
  it('names penalties that differ without claiming one rate', () => {
    const items = pointsNotYet.items.map((item) => (item.id === '8.3' ? { ...item, cost: 100 } : item));
    expect(scoreWhyLine({ ...pointsNotYet, items })).toBe('25 points earned of 1000, minus 2 unmet mandatory items with their penalties (−150).');
  });
  it('says when nothing costs a penalty', () => {
    expect(scoreWhyLine({ ...pointsNotYet, items: pointsNotYet.items.filter((item) => !item.mandatory) })).toBe(
      '25 points earned of 1000; no unmet mandatory item costs a penalty.',
    );
  });
  it('counts mandatory items met, N/A or waived under the met model', () => {
    expect(scoreWhyLine(metNotYet)).toBe('0 of 3 mandatory items met, N/A or waived; the pass needs all of them.');
  });
});

describe('noRisksLine', () => {
  it('does not claim evidence when nothing is met', () => {
    expect(noRisksLine(0)).toBe('No audit risks yet: no item is met, so there is no evidence to check.');
    expect(noRisksLine(3)).toBe('No audit risks: every item met has evidence, and none expires within 30 days.');
  });
});

describe('projectionLine', () => {
  it('uses the projected score, verdict and open mandatory items', () => {
    expect(projectionLine(metNotYet)).toBe('53 of 61 met, N/A or waived — 2 mandatory open — not yet');
  });
});

describe('mandatoryCostLine', () => {
  it('adds the points not earned and the penalty under the points model', () => {
    expect(mandatoryCostLine('points', { points: 40, cost: 200 })).toBe('Costs 240 points (40 not earned + 200 penalty)');
  });
  it('says the item blocks the pass under the met model', () => {
    expect(mandatoryCostLine('met', { points: 0, cost: 0 })).toBe('Blocks the pass until it is met, N/A or waived');
    expect(mandatoryCostLine('met', { points: 0, cost: 0 }, 'justified')).toBe('Blocks the pass until it is met, N/A or waived');
  });
  it('does not suggest N/A where only a published exemption gives it (AWS MSP 7.x)', () => {
    expect(mandatoryCostLine('met', { points: 0, cost: 0 }, 'exemptions')).toBe('Blocks the pass until it is met or an exemption covers it');
  });
});

describe('relativeTime', () => {
  const now = new Date('2025-11-22T12:00:00.000Z');
  it.each([
    ['2025-11-22T11:59:30.000Z', 'just now'],
    ['2025-11-22T12:05:00.000Z', 'just now'],
    ['2025-11-22T11:59:00.000Z', '1 minute ago'],
    ['2025-11-22T11:58:00.000Z', '2 minutes ago'],
    ['2025-11-22T09:00:00.000Z', '3 hours ago'],
    ['2025-11-20T12:00:00.000Z', '2 days ago'],
    ['not a date', 'an unknown time ago'],
  ])('when computed at %s returns "%s"', (iso, expected) => {
    expect(relativeTime(iso, now)).toBe(expected);
  });
});

describe('filterItems', () => {
  it('matches text in id, title, reason, issue key and waiver, case-insensitively', () => {
    const ids = (text: string) => filterItems(pointsNotYet.items, { text, show: 'all' }).map((item) => item.id);
    expect(ids('msp-20')).toEqual(['10.1']);
    expect(ids('IN PROGRESS')).toEqual(['8.3']);
    expect(ids('devops')).toEqual(['9.9']);
    expect(ids('  ')).toHaveLength(4);
  });
  it('matches an issue key exactly, not every key it starts', () => {
    const items = [1, 14, 140, 141].map((n) => ({ ...pointsNotYet.items[0]!, id: `x.${n}`, issueKey: `MSP-${n}` }));
    expect(filterItems(items, { text: 'MSP-14', show: 'all' }).map((item) => item.issueKey)).toEqual(['MSP-14']);
    expect(filterItems(items, { text: 'msp-1', show: 'all' }).map((item) => item.issueKey)).toEqual(['MSP-1']);
  });
  it('narrows by contribution or result', () => {
    const ids = (show: Parameters<typeof filterItems>[1]['show']) => filterItems(pointsNotYet.items, { text: '', show }).map((item) => item.id);
    expect(ids('earning')).toEqual(['1.1', '9.9']);
    expect(ids('costing')).toEqual(['8.3', '10.1']);
    expect(ids('open-mandatory')).toEqual(['8.3', '10.1']);
    expect(ids('not_met')).toEqual(['10.1']);
  });
});

describe('errorMessage', () => {
  it.each([
    ['a resolver message', new Error('Ask a Jira admin.'), 'Ask a Jira admin.'],
    ['Forge’s wrapper', new Error('There was an error invoking the function - Error: Pick a project.'), 'Pick a project.'],
    ['an { error } body', { error: 'Checklist not found.' }, 'Checklist not found.'],
    ['a string', 'Timed out.', 'Timed out.'],
    ['an empty message', new Error(''), UNKNOWN_FAILURE],
    ['nothing useful', 42, UNKNOWN_FAILURE],
  ])('from %s returns the words to show', (_case, error, expected) => {
    expect(errorMessage(error)).toBe(expected);
  });
});

describe('passRuleWords', () => {
  it('gives the max and pass mark of a points checklist', () => {
    expect(passRuleWords(awsChecklist)).toBe('Points: max 100, pass mark 90');
  });
  it.each([
    [undefined, 'Met / not met: every mandatory item met, N/A or waived'],
    [0, 'Met / not met: every mandatory item met, N/A or waived'],
    [80, 'Met / not met: every mandatory item met, N/A or waived, and at least 80 % of the other items'],
  ])('when a met checklist asks %s %% of the rest returns the rule in words', (minOptionalPercent, expected) => {
    const passRule = minOptionalPercent === undefined ? { kind: 'met' as const } : { kind: 'met' as const, minOptionalPercent };
    expect(passRuleWords({ ...awsChecklist, model: 'met', passRule })).toBe(expected);
  });
});
