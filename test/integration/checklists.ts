/** Custom checklist definitions for integration tests, saved through the app's own catalogue. */
import { saveCustomChecklist } from '../../src/catalogue';
import type { ChecklistDefinition, ChecklistItem } from '../../src/domain/types';

/** A points checklist with `items` items spread over `chapters` chapters (ids `C1`…, items `C1.1`…). */
export function generatedChecklist(args: { id: string; items: number; chapters: number; title?: (n: number) => string }): ChecklistDefinition {
  const chapters = Array.from({ length: args.chapters }, (_, i) => ({ id: `C${i + 1}`, title: `Chapter ${i + 1}`, order: i + 1 }));
  const items: ChecklistItem[] = Array.from({ length: args.items }, (_, i) => {
    const chapter = chapters[i % args.chapters]!;
    const mandatory = i % 7 === 0;
    return {
      id: `${chapter.id}.${Math.floor(i / args.chapters) + 1}`,
      chapterId: chapter.id,
      title: args.title?.(i) ?? `Requirement number ${i + 1}`,
      requirement: `Show that requirement ${i + 1} is in place and reviewed.`,
      evidence: ['document'],
      points: 10 + (i % 5) * 5,
      mandatory,
      penalty: mandatory ? 200 : 0,
      replaces: [],
    };
  });
  return {
    id: args.id,
    framework: args.id.replace(/-[^-]*$/, ''),
    name: `Generated ${args.items}`,
    version: args.id.split('-').pop() ?? '1',
    description: 'Generated for tests.',
    model: 'points',
    passRule: { kind: 'points', passMark: Math.round(items.reduce((sum, item) => sum + item.points, 0) * 0.9) },
    maxScore: items.reduce((sum, item) => sum + item.points, 0),
    naPolicy: 'award',
    chapters,
    items,
    waivers: [],
    source: 'custom',
  };
}

/** Registers a custom checklist the way the spreadsheet import will: saved in KVS. */
export async function registerChecklist(def: ChecklistDefinition): Promise<void> {
  await saveCustomChecklist(def);
}
