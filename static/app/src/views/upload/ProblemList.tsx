/**
 * Everything to fix before the checklist can be saved, located the way the person sees their
 * file (sheet, row, column) or the form (the setting's name), and the warnings worth a look.
 */
import { useId } from 'react';
import Heading from '@atlaskit/heading';
import type { SheetProblem } from '../../../../../common/sheets';
import { Notice } from '../../components/Notice';
import { useT } from '../../i18n';
import { uploadMessages } from './messages';
import type { UploadMessages } from './messages.en';
import { cell, section, subtle } from './styles';

interface ProblemListProps {
  problems: SheetProblem[];
  warnings: SheetProblem[];
  /** Said when there is no problem (the checklist upload's words by default). */
  okText?: string;
  /** Said above the problems: how to fix them. */
  fixHint?: string;
  /** Problems the server counted but did not list (it lists the first ones only). */
  notListed?: number;
}

function where(t: UploadMessages, problem: SheetProblem): { row: string; column: string } {
  if (problem.row === 0) return { row: problem.column === '' ? t.file : t.settingsRow, column: problem.column };
  return { row: String(problem.row), column: problem.column };
}

function ProblemTable({ label, list, showSheet }: { label: string; list: SheetProblem[]; showSheet: boolean }) {
  const t = useT(uploadMessages);
  return (
    <div style={{ overflowX: 'auto' }}>
      <table style={{ borderCollapse: 'collapse', width: '100%' }} aria-label={label}>
        <thead>
          <tr>
            {showSheet && <th scope="col" style={cell}>{t.sheet}</th>}
            <th scope="col" style={cell}>{t.row}</th>
            <th scope="col" style={cell}>{t.column}</th>
            <th scope="col" style={cell}>{t.whatToFix}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((problem, index) => {
            const { row, column } = where(t, problem);
            return (
              <tr key={`${index}-${problem.row}-${problem.column}`}>
                {showSheet && <td style={cell}>{problem.sheet ?? ''}</td>}
                <td style={{ ...cell, whiteSpace: 'nowrap' }}>{row}</td>
                <td style={cell}>{column}</td>
                <td style={cell}>{problem.message}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function ProblemList({
  problems,
  warnings,
  okText,
  fixHint,
  notListed = 0,
}: ProblemListProps) {
  const t = useT(uploadMessages);
  const headingId = useId();
  const showSheet = [...problems, ...warnings].some((problem) => problem.sheet !== undefined);
  const total = problems.length + notListed;
  return (
    <section aria-labelledby={headingId} style={section}>
      <Heading size="small" as="h3" id={headingId}>
        {total === 0 ? t.noProblems : t.toFix(total)}
      </Heading>
      {notListed > 0 && (
        <p style={{ margin: 0 }}>
          {t.notListed(problems.length, notListed)}
        </p>
      )}
      {total === 0 ? (
        <Notice appearance="success">{okText ?? t.okText}</Notice>
      ) : (
        <>
          <p style={{ margin: 0, ...subtle }}>{fixHint ?? t.fixHint}</p>
          <ProblemTable label={t.problems} list={problems} showSheet={showSheet} />
        </>
      )}
      {warnings.length > 0 && (
        <details>
          <summary>{t.warningsSummary(warnings.length)}</summary>
          <ProblemTable label={t.warnings} list={warnings} showSheet={showSheet} />
        </details>
      )}
    </section>
  );
}
