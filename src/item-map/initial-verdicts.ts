/**
 * A team checklist's own answers (the workbook's `Met?`) as the first assessment of the issues an
 * import or version sync creates: written into the app-owned evidence field as the app (the only
 * place an assessment counts), in as few app-field-value requests as there are distinct answers.
 * The `msp-audit-assessment` property the bulk create sets is only the JQL mirror of the same answer.
 *
 * Only new issues get it (they have no evidence yet): an existing issue keeps whatever the team has
 * assessed since. If the invocation dies between the create and this write, the new issues keep
 * only the mirror, which is not trusted: the item panel shows it as not recorded by the app, and the
 * team sets it there.
 */
import type { InitialResults } from '../catalogue/initial-results';
import { evidenceValue } from '../domain/evidence';
import { verdictValue } from '../domain/evidence-verdict';
import type { JiraClient } from '../jira';
import { evidenceFieldId } from '../platform/evidence-field-id';

export async function writeInitialVerdicts(
  jira: JiraClient,
  created: ReadonlyMap<string, { id: string }>,
  results: InitialResults,
  now: () => Date = () => new Date(),
): Promise<void> {
  if (results.byItem.size === 0 || created.size === 0) return;
  const values = [...created].flatMap(([itemId, issue]) => {
    const result = results.byItem.get(itemId);
    if (result === undefined) return [];
    const assessment = { result, assessedBy: results.savedBy ?? 'app', assessedAt: results.savedAt ?? now().toISOString() };
    return [{ issueId: issue.id, value: verdictValue(evidenceValue([]), assessment) }];
  });
  if (values.length === 0) return;
  const fieldId = await evidenceFieldId(jira);
  if (fieldId === undefined) return;
  await jira.setAppFieldValues({ fieldId, values });
}
