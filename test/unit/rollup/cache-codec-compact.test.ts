/**
 * What keeps the cache small (cache-codec.ts): `updated` to the millisecond only for recent changes
 * (older ones as "changed before" an instant, which the delta read and the chapter reviews can still
 * use), issue numbers as steps, and item ids as steps in the checklist's item order.
 */
import { packStates } from '../../../src/rollup/cache-pack';
import { stateBlockSchema, unpackStates } from '../../../src/rollup/cache-codec';
import { compressBlock } from '../../../src/rollup/cache-compress';
import type { ItemRead } from '../../../src/platform/item-states';
import { jsonBytes } from '../../../src/storage/kvs';

const LIMIT = 200 * 1024 - 256;
const READ_AT = Date.parse('2026-12-07T10:00:00.000Z');
const EXACT_FROM = READ_AT - 60 * 60_000;
const DAY = 86_400_000;

const state = (itemId: string, extra: Partial<ItemRead>): ItemRead => ({ itemId, issueKey: `MSP-${itemId.replace('.', '')}`, statusCategory: 'new', statusName: 'To Do', resolution: null, assessment: null, ...extra });
const roundTrip = (states: ItemRead[], exactFrom?: number) => unpackStates(packStates('MSP', states, new Map(), LIMIT, exactFrom)!.map((block) => stateBlockSchema.parse(JSON.parse(JSON.stringify(block))))).states;

describe('packStates with exactFrom', () => {
  it('keeps recent times exactly and older ones as a bound no later than exactFrom', () => {
    const recent = new Date(READ_AT - 5 * 60_000 + 123).toISOString();
    const back = roundTrip(
      [
        state('1.1', { updatedAt: recent }),
        state('1.2', { updatedAt: new Date(READ_AT - 30 * DAY + 7).toISOString() }),
        state('1.3', {}),
        // A bound kept from an earlier read, older than this one's: still a bound.
        state('1.4', { updatedBefore: new Date(EXACT_FROM - DAY).toISOString() }),
        // A bound later than exactFrom says less than "before exactFrom": not known.
        state('1.5', { updatedBefore: new Date(EXACT_FROM + 60_000).toISOString() }),
        // Exactly at exactFrom is recent.
        state('1.6', { updatedAt: new Date(EXACT_FROM).toISOString() }),
      ],
      EXACT_FROM,
    );
    const bound = new Date(EXACT_FROM).toISOString();
    expect(back.map((s) => [s.itemId, s.updatedAt, s.updatedBefore])).toEqual([
      ['1.1', recent, undefined],
      ['1.2', undefined, bound],
      ['1.3', undefined, undefined],
      ['1.4', undefined, bound],
      ['1.5', undefined, undefined],
      ['1.6', new Date(EXACT_FROM).toISOString(), undefined],
    ]);
    // Every bound is true: the issue really changed before it.
    expect(Date.parse(new Date(READ_AT - 30 * DAY + 7).toISOString())).toBeLessThan(Date.parse(bound));
  });

  it('without exactFrom keeps every time exactly (and ignores bounds it cannot store)', () => {
    const at = new Date(READ_AT - 30 * DAY + 7).toISOString();
    const back = roundTrip([state('1.1', { updatedAt: at }), state('1.2', { updatedBefore: at })]);
    expect(back[0]!.updatedAt).toBe(at);
    expect(back[1]!.updatedAt).toBeUndefined();
    expect(back[1]!.updatedBefore).toBeUndefined();
  });

  it('refuses a stored block with -1 and no bound', () => {
    const [block] = packStates('MSP', [state('1.1', { updatedAt: new Date(EXACT_FROM - DAY).toISOString() })], new Map(), LIMIT, EXACT_FROM)!;
    expect(block!.updated).toEqual([-1]);
    const { before: _dropped, ...withoutBound } = block!;
    expect(stateBlockSchema.safeParse(withoutBound).success).toBe(false);
  });

  it('stores a project worked on for months in about half the bytes', () => {
    // 130 items, each last changed at a different millisecond within 60 days; 3 changed recently.
    const states = Array.from({ length: 130 }, (_, i) => state(`${Math.floor(i / 10) + 1}.${(i % 10) + 1}`, { updatedAt: new Date(READ_AT - (i < 3 ? i * 60_000 : DAY + ((i * 7_919_993) % (59 * DAY)))).toISOString() }));
    const stored = (exactFrom?: number) => jsonBytes(compressBlock(packStates('MSP', states, new Map(), LIMIT, exactFrom)![0]!));
    const exact = stored();
    const bounded = stored(EXACT_FROM);
    expect(bounded).toBeLessThan(exact * 0.6);
  });

  it('stores issue numbers as steps, and still reads blocks written with whole numbers', () => {
    const states = [state('1.1', { issueKey: 'MSP-40' }), state('1.2', { issueKey: 'MSP-41' }), state('1.3', { issueKey: 'OPS-3' }), state('1.4', { issueKey: 'MSP-12' })];
    const [block] = packStates('MSP', states, new Map(), LIMIT)!;
    expect(block).toMatchObject({ keySteps: true, keys: [40, 1, 'OPS-3', -29] });
    expect(unpackStates([block!]).states.map((s) => s.issueKey)).toEqual(['MSP-40', 'MSP-41', 'OPS-3', 'MSP-12']);
    const { keySteps: _steps, ...before } = { ...block!, keys: [40, 41, 'OPS-3', 12] };
    expect(unpackStates([stateBlockSchema.parse(before)]).states.map((s) => s.issueKey)).toEqual(['MSP-40', 'MSP-41', 'OPS-3', 'MSP-12']);
    // A negative number is a step: not valid in a block of whole numbers.
    expect(stateBlockSchema.safeParse({ ...before, keys: [40, -1, 'OPS-3', 12] }).success).toBe(false);
  });

  it('stores item ids as steps in the item order, ids outside it whole, and reads them back only with that order', () => {
    const order = ['1.1', '1.2', '1.3', '2.1', '2.2'];
    const states = [state('2.2', {}), state('2.1', {}), state('extra', {}), state('1.1', {}), state('1.3', {})];
    const [block] = packStates('MSP', states, new Map(), LIMIT, undefined, order)!;
    expect(block!.ids).toEqual([4, -1, 'extra', -3, 2]);
    const stored = stateBlockSchema.parse(JSON.parse(JSON.stringify(block)));
    expect(unpackStates([stored], order)!.states.map((s) => s.itemId)).toEqual(['2.2', '2.1', 'extra', '1.1', '1.3']);
    // The checklist's items changed (another order): the block is not read, whatever it holds.
    expect(unpackStates([stored], ['1.1', '1.2', '2.1', '2.2'])).toBeUndefined();
    expect(() => unpackStates([stored])).toThrow('pass the order');
    // Steps without an order are not a valid block.
    const { idOrder: _order, ...withoutOrder } = stored;
    expect(stateBlockSchema.safeParse(withoutOrder).success).toBe(false);
  });

  it('a 130-item checklist in issue order stores its ids in a few bytes', () => {
    const order = Array.from({ length: 130 }, (_, i) => `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`);
    const states = [...order].reverse().map((id, i) => state(id, { issueKey: `MSP-${200 - i}` }));
    const stored = (withOrder: boolean) => jsonBytes(compressBlock(packStates('MSP', states, new Map(), LIMIT, EXACT_FROM, withOrder ? order : undefined)![0]!));
    expect(stored(true)).toBeLessThan(stored(false) - 150);
    expect(stored(true)).toBeLessThan(300);
  });
});
