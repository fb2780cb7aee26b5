/**
 * Atlassian Document Format, the small subset the app writes (Jira REST v3 takes ADF for
 * `description`). Builders keep documents valid: text nodes are never empty.
 */

export interface AdfText {
  type: 'text';
  text: string;
  marks?: { type: 'strong' | 'em' | 'code' }[];
}

export interface AdfParagraph {
  type: 'paragraph';
  content: AdfText[];
}

export interface AdfHeading {
  type: 'heading';
  attrs: { level: 1 | 2 | 3 | 4 | 5 | 6 };
  content: AdfText[];
}

export interface AdfBulletList {
  type: 'bulletList';
  content: { type: 'listItem'; content: AdfParagraph[] }[];
}

export type AdfBlock = AdfParagraph | AdfHeading | AdfBulletList;

export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: AdfBlock[];
}

export function doc(...content: AdfBlock[]): AdfDoc {
  return { type: 'doc', version: 1, content };
}

export function text(value: string, strong = false): AdfText[] {
  if (value === '') return [];
  return [strong ? { type: 'text', text: value, marks: [{ type: 'strong' }] } : { type: 'text', text: value }];
}

export function paragraph(...parts: AdfText[][]): AdfParagraph {
  return { type: 'paragraph', content: parts.flat() };
}

export function heading(level: AdfHeading['attrs']['level'], value: string): AdfHeading {
  return { type: 'heading', attrs: { level }, content: text(value) };
}

export function bulletList(items: string[]): AdfBulletList {
  return { type: 'bulletList', content: items.map((item) => ({ type: 'listItem', content: [paragraph(text(item))] })) };
}
