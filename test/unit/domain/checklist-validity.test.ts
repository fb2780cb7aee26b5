import { checklistValidity, UPDATE_ADVICE, type ValidityState } from '../../../src/domain/checklist-validity';
import type { ChecklistValidity } from '../../../src/domain/types';

const aws71 = { framework: 'aws-msp', name: 'AWS MSP Validation Checklist', version: '7.1', validity: { validFrom: '2025-08-29', validUntil: '2026-02-28', usableUntil: '2026-05-31' } };

describe('checklistValidity', () => {
  describe('when the version states a window and an overlap (AWS MSP 7.1)', () => {
    it.each<[string, ValidityState]>([
      ['2025-08-01', 'current'],
      ['2025-08-29', 'current'],
      ['2026-02-28', 'current'],
      ['2026-03-01', 'past-valid'],
      ['2026-05-31', 'past-valid'],
      ['2026-06-01', 'past-usable'],
      ['2027-12-06', 'past-usable'],
    ])('returns on %s the state %s', (today, state) => {
      expect(checklistValidity(aws71, today).state).toBe(state);
    });

    it('carries the dates it was judged on', () => {
      expect(checklistValidity(aws71, '2026-01-01')).toEqual({ ...aws71.validity, state: 'current' });
    });

    it('says until when it is still accepted and what to do, once past its validity', () => {
      expect(checklistValidity(aws71, '2026-03-10').message).toBe(
        `AWS MSP Validation Checklist 7.1 was valid until 2026-02-28; it is still accepted until 2026-05-31. ${UPDATE_ADVICE}`,
      );
    });

    it('says it is no longer accepted once past its last usable day', () => {
      expect(checklistValidity(aws71, '2026-12-06').message).toBe(
        `AWS MSP Validation Checklist 7.1 is no longer accepted: it was usable until 2026-05-31. ${UPDATE_ADVICE}`,
      );
    });
  });

  describe('when the version states less', () => {
    it.each<[string, ChecklistValidity | undefined, string, ValidityState]>([
      ['no validity at all', undefined, '2030-01-01', 'current'],
      ['only a start', { validFrom: '2023-09-01' }, '2030-01-01', 'current'],
      ['an end without overlap, on the day after', { validUntil: '2026-02-28' }, '2026-03-01', 'past-usable'],
      ['historical with dates still in the future', { validFrom: '2019-02-01', validUntil: '2099-01-01', historical: true }, '2026-01-01', 'historical'],
    ])('returns for %s the state %s', (_label, validity, today, state) => {
      const def = { framework: 'team', name: 'Team list', version: '1', ...(validity !== undefined ? { validity } : {}) };
      expect(checklistValidity(def, today).state).toBe(state);
    });

    it('gives no message while current', () => {
      expect(checklistValidity({ framework: 'team', name: 'Team list', version: '1' }, '2026-01-01').message).toBeUndefined();
    });

    it('tells a historical AWS template not to prepare against it, and what to do', () => {
      const message = checklistValidity({ framework: 'aws-msp', name: 'AWS MSP 4.x template', version: '4.x', validity: { historical: true } }, '2026-01-01').message;
      expect(message).toBe(`AWS MSP 4.x template 4.x is a superseded version, kept for history: do not prepare an audit against it. ${UPDATE_ADVICE}`);
    });
  });
});
