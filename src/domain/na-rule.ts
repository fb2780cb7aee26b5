/**
 * How a checklist lets a team answer N/A, as its publisher allows it. Pure; the server enforces it
 * when an assessment is set, scoring re-checks it (an N/A that a version update made unlawful
 * counts as not met), and the item panel offers only what it allows.
 *
 * - `exemptions`: N/A only through the checklist's named exemptions (AWS MSP 7.x: `Met?` is Yes/No;
 *   an item is out of scope only when a published exemption covers it, applied as a waiver).
 * - `justified`: N/A with a written justification (MSPAlliance UCS: controls that do not apply;
 *   AWS MSP 4.x per its N/A policy).
 * - `free`: N/A as the team likes (a team's own checklist may choose it).
 */
import type { ChecklistDefinition, ChecklistItem } from './types';

export const NA_RULES = ['exemptions', 'justified', 'free'] as const;
export type NaRule = (typeof NA_RULES)[number];

/** The longest N/A justification kept (characters). */
export const NA_JUSTIFICATION_MAX = 2000;

/** A checklist with no rule of its own asks for a justification: the safe middle. */
export function naRuleOf(def: Pick<ChecklistDefinition, 'naRule'>): NaRule {
  return def.naRule ?? 'justified';
}

export interface NaChoices {
  rule: NaRule;
  /** The item panel may offer N/A as an answer. */
  allowed: boolean;
  needsJustification: boolean;
  /** Named exemptions of the checklist that cover this item (the way to N/A under `exemptions`). */
  exemptions: { id: string; name: string }[];
  /** One sentence for the panel. */
  explanation: string;
}

function exemptionsFor(def: ChecklistDefinition, item: ChecklistItem): { id: string; name: string }[] {
  return def.waivers.filter((w) => w.items.includes(item.id) || w.chapters.includes(item.chapterId)).map((w) => ({ id: w.id, name: w.name }));
}

export function naChoices(def: ChecklistDefinition, item: ChecklistItem): NaChoices {
  const rule = naRuleOf(def);
  const exemptions = exemptionsFor(def, item);
  switch (rule) {
    case 'exemptions':
      return {
        rule,
        allowed: false,
        needsJustification: false,
        exemptions,
        explanation:
          exemptions.length > 0
            ? `${def.name} ${def.version} allows N/A only through its exemptions; this item is covered by: ${exemptions.map((e) => e.name).join(', ')} (apply it as a waiver on the Audit page).`
            : `${def.name} ${def.version} allows only met or not met here: no published exemption covers this item.`,
      };
    case 'justified':
      return { rule, allowed: true, needsJustification: true, exemptions, explanation: `N/A needs a written justification: why this item does not apply to you.` };
    case 'free':
      return { rule, allowed: true, needsJustification: false, exemptions, explanation: 'N/A is allowed on this checklist.' };
  }
}

export type NaCheck = { ok: true; justification?: string } | { ok: false; message: string };

/**
 * Whether an N/A answer with this justification is allowed on the item. The message of a refusal
 * says what is allowed instead. Control characters are the free-text rule's business, not this one's.
 */
export function checkNaAnswer(def: ChecklistDefinition, item: ChecklistItem, justification: string | null | undefined): NaCheck {
  const choices = naChoices(def, item);
  const text = (justification ?? '').trim();
  if (!choices.allowed) {
    return { ok: false, message: `N/A is not allowed on ${item.id} ${item.title}. ${choices.explanation}` };
  }
  if (text.length > NA_JUSTIFICATION_MAX) {
    return { ok: false, message: `The N/A justification is ${text.length} characters; keep it to ${NA_JUSTIFICATION_MAX}.` };
  }
  if (choices.needsJustification && text.length === 0) {
    return { ok: false, message: `N/A on ${item.id} needs a justification: say why this item does not apply to you.` };
  }
  return text.length > 0 ? { ok: true, justification: text } : { ok: true };
}
