/**
 * The checklist item an issue stands for, as the app knows it: the identity property names the item
 * (the import wrote it), the definition in the app's catalogue gives everything the verdict rests
 * on (points, mandatory flag, N/A rule).
 */
import { findChecklist } from '../catalogue';
import { NA_JUSTIFICATION_MAX, naChoices } from '../domain/na-rule';
import type { ChecklistDefinition, ChecklistItem } from '../domain/types';
import { ITEM_PROPERTY, readIdentity, type ItemIdentity } from '../jira/identity';

export interface ItemContext {
  /** The active item identity on the issue; undefined when the issue is not (or no longer) an item. */
  identity: ItemIdentity | undefined;
  def: ChecklistDefinition | undefined;
  defItem: ChecklistItem | undefined;
}

export async function itemContextOf(properties: Record<string, unknown>): Promise<ItemContext> {
  const read = readIdentity({ [ITEM_PROPERTY]: properties[ITEM_PROPERTY] });
  const identity = read?.kind === 'item' && read.state === 'active' ? read : undefined;
  if (!identity) return { identity: undefined, def: undefined, defItem: undefined };
  const def = await findChecklist(identity.checklistId);
  return { identity, def, defItem: def?.items.find((item) => item.id === identity.itemId) };
}

export interface NaView {
  allowed: boolean;
  needsJustification: boolean;
  explanation: string;
  maxLength: number;
}

/** What the panel offers for N/A on this item; null when the issue is not an item. */
export function naView(context: ItemContext): NaView | null {
  if (!context.identity) return null;
  if (!context.def || !context.defItem) {
    // The checklist is gone from the catalogue: the safe middle, as for a checklist with no rule.
    return { allowed: true, needsJustification: true, explanation: 'N/A needs a written justification: why this item does not apply to you.', maxLength: NA_JUSTIFICATION_MAX };
  }
  const choices = naChoices(context.def, context.defItem);
  return { allowed: choices.allowed, needsJustification: choices.needsJustification, explanation: choices.explanation, maxLength: NA_JUSTIFICATION_MAX };
}
