/**
 * Hostile files (issue 21.7): whatever bytes a person picks, reading them ends in a workbook or a
 * typed SheetReadError (never another exception), within 2 s of CPU time, and never in a partial read of a
 * damaged workbook. Property-based (fast-check): random bytes, valid files damaged at random, and
 * text built from the characters that break parsers.
 */
import fc from 'fast-check';
import { SheetReadError, readChecklistFile, type Workbook } from '../../../common/sheets';
import { buildXlsx, textBytes } from '../../fixtures/sheets/xlsx';

/** The reading budget, in CPU time of this process: other processes on a busy machine do not count. */
const LIMIT_MS = 2000;
/** Wall time after which a read counts as hung whatever the machine's load. */
const HANG_MS = 10_000;

type Outcome = { kind: 'read'; workbook: Workbook; ms: number } | { kind: 'refused'; error: SheetReadError; ms: number };

/** Reads the file; fails on any exception that is not a SheetReadError, or on a hang. `ms` is the CPU time spent. */
async function read(name: string, bytes: Uint8Array): Promise<Outcome> {
  const started = process.cpuUsage();
  const cpuMs = (): number => {
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000;
  };
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`reading ${name} (${bytes.length} bytes) did not end within ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    const workbook = await Promise.race([readChecklistFile({ name, bytes }), hang]);
    return { kind: 'read', workbook, ms: cpuMs() };
  } catch (error) {
    if (!(error instanceof SheetReadError)) throw new Error(`${name}: untyped failure: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, { cause: error });
    expect(error.message.startsWith(`${name}: `)).toBe(true);
    return { kind: 'refused', error, ms: cpuMs() };
  } finally {
    clearTimeout(timer);
  }
}

const bytesArb = fc.uint8Array({ maxLength: 4096 });
const nameArb = fc.constantFrom('list.csv', 'list.tsv', 'list.txt', 'list.xlsx', 'list.yaml', 'list.yml', 'list.json');
/** Characters that break parsers: quotes, delimiters, line ends, YAML indicators, BOMs, controls. */
const nastyText = fc.string({
  unit: fc.constantFrom('"', "'", ',', ';', '\t', '|', '\n', '\r', ' ', 'a', '1', ':', '-', '&', '*', '!', '{', '}', '[', ']', '#', '%', '@', '`', '?', '>', '\\', '\uFEFF', '\u0000', '\u2028', 'é', '🙂'),
  maxLength: 400,
});

describe('any bytes', () => {
  it('under any name: a workbook or a SheetReadError, within 2 s', async () => {
    await fc.assert(
      fc.asyncProperty(nameArb, bytesArb, async (name, bytes) => {
        const outcome = await read(name, bytes);
        expect(outcome.ms).toBeLessThan(LIMIT_MS);
      }),
      { numRuns: 300 },
    );
  });

  it('text made of parser-breaking characters, as CSV, YAML and JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('list.csv', 'list.yaml', 'list.json'), nastyText, async (name, text) => {
        await read(name, textBytes(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('the largest files a person can pick (just under 5 MB)', () => {
  const FIVE_MB = 4_900_000;
  it.each<[string, string, 'read' | 'refused']>([
    ['quotes.csv', '"'.repeat(FIVE_MB), 'read'],
    ['commas.csv', ','.repeat(FIVE_MB), 'read'],
    ['rows.csv', 'a\n'.repeat(FIVE_MB / 2), 'refused'],
    ['keys.yaml', Array.from({ length: 200_000 }, (_, i) => `k${i}: v`).join('\n'), 'refused'],
    ['flow.yaml', `{a: [${'1,'.repeat(FIVE_MB / 2)}]}`, 'refused'],
    ['text.yaml', `a: ${'x'.repeat(FIVE_MB)}`, 'read'],
    ['nested.yaml', '['.repeat(50_000), 'refused'],
    ['nested.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'refused'],
  ])('%s is read or refused within 2 s', async (name, text, kind) => {
    const outcome = await read(name, textBytes(text));
    expect(outcome.kind).toBe(kind);
    expect(outcome.ms).toBeLessThan(LIMIT_MS);
  });

  it('a CSV of more rows than a checklist can have is refused, saying so', async () => {
    const outcome = await read('rows.csv', textBytes('ID,Title\n'.repeat(20_001)));
    expect(outcome.kind === 'refused' && outcome.error).toMatchObject({
      code: 'too-many-items',
      message: 'rows.csv: has more than 20,000 rows; at most 2,000 items can be imported. Split it into several checklists.',
    });
  });

  it('a YAML file of more lines and entries than a checklist needs is refused, saying so', async () => {
    const outcome = await read('keys.yaml', textBytes(Array.from({ length: 100_002 }, (_, i) => `k${i}: v`).join('\n')));
    expect(outcome.kind === 'refused' && outcome.error).toMatchObject({
      code: 'too-many-items',
      message: 'keys.yaml: has more than 100,000 lines and list entries; a checklist of at most 2,000 items needs far fewer. Split it into several checklists.',
    });
  });

  it('a repeated key far down a YAML file is found, on its line, in one pass', async () => {
    const text = `${Array.from({ length: 20_000 }, (_, i) => `k${i}: v`).join('\n')}\nk5: again\n`;
    const outcome = await read('keys.yaml', textBytes(text));
    expect(outcome.kind === 'refused' && outcome.error.message).toBe('keys.yaml: is not valid YAML (line 20001): Map keys must be unique. Fix that line and choose the file again.');
  });
});

describe('YAML aliases', () => {
  it('an alias to no anchor is refused as invalid YAML', async () => {
    const outcome = await read('list.yaml', textBytes('id: demo\nitems: *missing\n'));
    expect(outcome.kind === 'refused' && outcome.error).toMatchObject({
      code: 'invalid-yaml',
      message: 'list.yaml: is not valid YAML: an alias (*name) refers to no anchor (&name) set before it. Write the values out instead of using aliases, and choose the file again.',
    });
  });

  it('an alias bomb is refused as invalid YAML, quickly', async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 9; level++) {
      const prev = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      lines.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${prev}`).join(',')}]`);
    }
    const outcome = await read('bomb.yaml', textBytes(`${lines.join('\n')}\nitems: *i\n`));
    expect(outcome.kind === 'refused' && outcome.error.message).toBe(
      'bomb.yaml: is not valid YAML: its aliases (*name) expand to far more data than a checklist holds. Write the values out instead of using aliases, and choose the file again.',
    );
    expect(outcome.ms).toBeLessThan(LIMIT_MS);
  });
});

describe('a damaged workbook', () => {
  let valid: Uint8Array;
  beforeAll(async () => {
    valid = await buildXlsx([
      {
        name: 'Checklist',
        rows: [
          ['ID', 'Title', 'Points'],
          ...Array.from({ length: 40 }, (_, i) => [`${i + 1}.1`, `Requirement ${i + 1}`, 10]),
        ],
      },
    ]);
  });

  it('cut short anywhere is refused, never read in part', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100_000 }), async (cut) => {
        const end = cut % valid.length;
        const outcome = await read('list.xlsx', valid.slice(0, end));
        expect(outcome.kind).toBe('refused');
      }),
      { numRuns: 150 },
    );
  });

  it('with bytes changed anywhere: read whole, or refused', async () => {
    const whole = await read('list.xlsx', valid);
    if (whole.kind !== 'read') throw new Error('the valid workbook must read');
    const rows = whole.workbook.kind === 'xlsx' ? whole.workbook.sheets[0]?.rows.length : undefined;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), async (changes) => {
        const bytes = valid.slice();
        for (const [at, value] of changes) bytes[at % bytes.length] = value;
        const outcome = await read('list.xlsx', bytes);
        if (outcome.kind === 'read' && outcome.workbook.kind === 'xlsx') {
          // A change that survives is in data nobody reads (a timestamp, padding), never in the rows.
          expect(outcome.workbook.sheets[0]?.rows.length).toBe(rows);
        }
      }),
      { numRuns: 150 },
    );
  });
});
