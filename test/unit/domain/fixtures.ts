/**
 * Tiny typed builders for inline checklist fixtures in domain tests: each test states only what
 * matters to it, and the builders fill the rest with boring, valid defaults.
 */
import { itemFingerprint, type ExistingItem } from '../../../src/domain/sync-plan';
import type {
  AppliedWaiver,
  ChecklistDefinition,
  ChecklistItem,
  ItemState,
  StatusCategory,
} from '../../../src/domain/types';

/** Chapter of an id such as `8.3` or `SEC-008`: the part before the first `.` or `-`. */
function chapterOf(id: string): string {
  return id.split(/[.-]/)[0] ?? id;
}

/** An optional 10-point item in the chapter its id names; mandatory items default to penalty 200. */
export function item(id: string, overrides: Partial<ChecklistItem> = {}): ChecklistItem {
  const mandatory = overrides.mandatory ?? false;
  return {
    id,
    chapterId: chapterOf(id),
    title: `Item ${id}`,
    requirement: `What ${id} asks.`,
    evidence: ['document'],
    points: 10,
    mandatory,
    penalty: mandatory ? 200 : 0,
    replaces: [],
    ...overrides,
  };
}

type ChecklistOverrides = Partial<Omit<ChecklistDefinition, 'items'>>;

function chaptersFor(items: ChecklistItem[]): ChecklistDefinition['chapters'] {
  const ids = [...new Set(items.map((entry) => entry.chapterId))];
  return ids.map((id, index) => ({ id, title: `Chapter ${id}`, order: index + 1 }));
}

/** A points-model checklist (N/A awarded) over `items`; chapters follow the items. */
export function pointsChecklist(
  items: ChecklistItem[],
  options: ChecklistOverrides & { passMark?: number } = {},
): ChecklistDefinition {
  const { passMark, ...overrides } = options;
  return {
    id: 'test-points-1.0',
    framework: 'test-points',
    name: 'Test points checklist',
    version: '1.0',
    description: 'Inline fixture',
    model: 'points',
    passRule: { kind: 'points', passMark: passMark ?? 0 },
    maxScore: items.reduce((sum, entry) => sum + entry.points, 0),
    naPolicy: 'award',
    // Scoring arithmetic fixtures: N/A answered freely; tests of the N/A rule state the rule they need.
    naRule: 'free',
    chapters: chaptersFor(items),
    items,
    waivers: [],
    source: 'custom',
    ...overrides,
  };
}

/** A met-model checklist over `items`; items carry no points there. */
export function metChecklist(
  items: ChecklistItem[],
  options: ChecklistOverrides & { minOptionalPercent?: number } = {},
): ChecklistDefinition {
  const { minOptionalPercent, ...overrides } = options;
  const unpointed = items.map((entry) => ({ ...entry, points: 0, penalty: 0 }));
  return {
    id: 'test-met-1.0',
    framework: 'test-met',
    name: 'Test met checklist',
    version: '1.0',
    description: 'Inline fixture',
    model: 'met',
    passRule: minOptionalPercent === undefined ? { kind: 'met' } : { kind: 'met', minOptionalPercent },
    maxScore: unpointed.length,
    naPolicy: 'award',
    naRule: 'free',
    chapters: chaptersFor(unpointed),
    items: unpointed,
    waivers: [],
    source: 'custom',
    ...overrides,
  };
}

const STATUS_NAMES: Record<StatusCategory, string> = { new: 'To Do', indeterminate: 'In Progress', done: 'Done' };

/** The state of an item's issue in the seeded workflow (To Do → In Progress → Done). */
export function issueState(itemId: string, category: StatusCategory, overrides: Partial<ItemState> = {}): ItemState {
  return {
    itemId,
    issueKey: `MSP-${itemId.replace(/\D/g, '') || '1'}`,
    statusCategory: category,
    statusName: STATUS_NAMES[category],
    resolution: category === 'done' ? 'Done' : null,
    ...overrides,
  };
}

export const done = (itemId: string, overrides: Partial<ItemState> = {}): ItemState => issueState(itemId, 'done', overrides);
export const inProgress = (itemId: string, overrides: Partial<ItemState> = {}): ItemState =>
  issueState(itemId, 'indeterminate', overrides);
export const toDo = (itemId: string, overrides: Partial<ItemState> = {}): ItemState => issueState(itemId, 'new', overrides);

export function waiver(name: string, covers: { items?: string[]; chapters?: string[] }, reason = 'Covered elsewhere'): AppliedWaiver {
  return { id: name.toLowerCase().replace(/\W+/g, '-'), name, reason, items: covers.items ?? [], chapters: covers.chapters ?? [] };
}

/** An item issue as the import wrote it for `item` of `def` (full fingerprint). */
export function existingFor(
  def: ChecklistDefinition,
  entry: ChecklistItem,
  issueKey: string,
  overrides: Partial<ExistingItem> = {},
): ExistingItem {
  return { ...itemFingerprint(def, entry), issueKey, retired: false, ...overrides };
}

/** Every item of `def` imported as MSP-1, MSP-2, … in checklist order. */
export function importedAll(def: ChecklistDefinition, firstNumber = 1): ExistingItem[] {
  return def.items.map((entry, index) => existingFor(def, entry, `MSP-${firstNumber + index}`));
}

/** The proof a named waiver needs (the certificate behind the exemption), valid until `expiryDate`. */
export function waiverProof(expiryDate = '2028-05-31'): {
  kind: 'document';
  title: string;
  url: string;
  effectiveDate: string;
  expiryDate: string;
} {
  return { kind: 'document', title: 'ISO 27001 certificate', url: 'https://trust.example.com/iso27001.pdf', effectiveDate: '2025-06-01', expiryDate };
}
