/**
 * Chapters met while reading rows, in order of first appearance. A chapter's id is made from its
 * title rather than its position, so the same chapter keeps its id (and its Jira label) when a
 * later version of the sheet adds or reorders chapters.
 */

export interface ChapterEntry {
  id: string;
  title: string;
}

/** The title a sheet falls back to when it names no chapter at all. */
export const DEFAULT_CHAPTER = 'General';

/**
 * @example
 * chapterSlug('Infrastructure & Application Migration'); // → 'infrastructure-application-migration'
 */
export function chapterSlug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 48)
    .replace(/[-.]+$/, '');
}

export class ChapterList {
  private readonly byTitle = new Map<string, ChapterEntry>();
  private readonly notes = new Map<string, string>();

  /** The chapter's id, adding it when the title is new (titles match without case or extra spaces). */
  add(title: string, note?: string): string {
    const clean = title.replace(/\s+/g, ' ').trim();
    const key = clean.toLowerCase();
    let chapter = this.byTitle.get(key);
    if (chapter === undefined) {
      chapter = { id: this.uniqueId(chapterSlug(clean)), title: clean };
      this.byTitle.set(key, chapter);
    }
    if (note !== undefined && !this.notes.has(chapter.id)) this.notes.set(chapter.id, note);
    return chapter.id;
  }

  list(): ChapterEntry[] {
    return [...this.byTitle.values()];
  }

  /** Notes from group headers ("exempt with the MSSP Competency"), as "Title: note" lines. */
  noteLines(): string[] {
    return this.list().flatMap((chapter) => {
      const note = this.notes.get(chapter.id);
      return note === undefined ? [] : [`${chapter.title}: ${note}`];
    });
  }

  private uniqueId(base: string): string {
    const used = new Set(this.list().map((chapter) => chapter.id));
    const stem = base === '' ? `ch-${used.size + 1}` : base;
    let id = stem;
    for (let n = 2; used.has(id); n++) id = `${stem}-${n}`;
    return id;
  }
}
