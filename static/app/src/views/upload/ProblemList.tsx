/**
 * Everything to fix before the checklist can be saved, located the way the person sees their
 * file (sheet, row, column) or the form (the setting's name), and the warnings worth a look.
 */
import { useId } from 'react';
import Heading from '@atlaskit/heading';
import type { SheetProblem } from '../../../../../common/sheets';
import { Notice } from '../../components/Notice';
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

function where(problem: SheetProblem): { row: string; column: string } {
  if (problem.row === 0) return { row: problem.column === '' ? 'File' : 'Settings', column: problem.column };
  return { row: String(problem.row), column: problem.column };
}

function ProblemTable({ label, list, showSheet }: { label: string; list: SheetProblem[]; showSheet: boolean }) {
  return (
    <div style={{ overflowX: 'auto' }}>
      <table style={{ borderCollapse: 'collapse', width: '100%' }} aria-label={label}>
        <thead>
          <tr>
            {showSheet && <th scope="col" style={cell}>Sheet</th>}
            <th scope="col" style={cell}>Row</th>
            <th scope="col" style={cell}>Column</th>
            <th scope="col" style={cell}>What to fix</th>
          </tr>
        </thead>
        <tbody>
          {list.map((problem, index) => {
            const { row, column } = where(problem);
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
  okText = 'Every row reads as an item. Check the preview below, then save.',
  fixHint = 'Fix them in your file and choose it again, or change the column mapping or the settings above.',
  notListed = 0,
}: ProblemListProps) {
  const headingId = useId();
  const showSheet = [...problems, ...warnings].some((problem) => problem.sheet !== undefined);
  const total = problems.length + notListed;
  const count = total === 1 ? '1 problem' : `${total.toLocaleString('en')} problems`;
  return (
    <section aria-labelledby={headingId} style={section}>
      <Heading size="small" as="h3" id={headingId}>
        {total === 0 ? 'No problems found' : `${count} to fix before saving`}
      </Heading>
      {notListed > 0 && (
        <p style={{ margin: 0 }}>
          {problems.length.toLocaleString('en')} listed below; {notListed.toLocaleString('en')} more not listed. Fix these and choose the file again to see the rest.
        </p>
      )}
      {total === 0 ? (
        <Notice appearance="success">{okText}</Notice>
      ) : (
        <>
          <p style={{ margin: 0, ...subtle }}>{fixHint}</p>
          <ProblemTable label="Problems" list={problems} showSheet={showSheet} />
        </>
      )}
      {warnings.length > 0 && (
        <details>
          <summary>{warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`} (saving is still possible)</summary>
          <ProblemTable label="Warnings" list={warnings} showSheet={showSheet} />
        </details>
      )}
    </section>
  );
}
