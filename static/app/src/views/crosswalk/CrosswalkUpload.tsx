/**
 * Uploading the site's crosswalk between checklists: choose a CSV, Excel (.xlsx) or YAML file (read
 * in the browser), see every row's problems where the person finds them (the checklist upload's
 * ProblemList: a workbook's sheet and Excel row, a CSV's row counting the header) and what the file maps,
 * then save it as the site's crosswalk. Saving needs Jira's Administer Jira permission (checked by
 * the server) and replaces the crosswalk saved before, the mappings linked by hand included.
 * Loaded only when opened.
 */
import { useId } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { CrosswalkColumn, CrosswalkPreview, CrosswalkProblemView, CrosswalkSavedView } from '../../../../../common/crosswalk';
import type { SheetProblem } from '../../../../../common/sheets/types';
import type { CrosswalkApi } from '../../api/crosswalk-api';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { ProblemList } from '../upload/ProblemList';
import { cell, section, subtle } from '../upload/styles';
import { CROSSWALK_ACCEPT, useCrosswalkUpload, type CrosswalkFileKind } from './useCrosswalkUpload';

const COLUMN: Record<CrosswalkColumn, string> = {
  fromChecklist: 'from checklist',
  fromItem: 'from item',
  toChecklist: 'to checklist',
  toItem: 'to item',
  coverage: 'coverage',
  note: 'note',
};

const plural = (count: number, one: string, many = `${one}s`): string => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/**
 * A problem where the person finds it: a workbook's row by its sheet and the row number Excel shows
 * (the server passes back what the browser's reader recorded); in a CSV the header is row 1, so data
 * row n is row n + 1; in YAML, the n-th mapping.
 */
export function toSheetProblem(problem: CrosswalkProblemView, kind: CrosswalkFileKind): SheetProblem {
  const column = problem.field && problem.field !== 'sheet' && problem.field !== 'line' ? COLUMN[problem.field] : '';
  if (problem.row === 0) return { row: 0, column: '', message: problem.message };
  if (problem.line !== undefined) return { ...(problem.sheet !== undefined ? { sheet: problem.sheet } : {}), row: problem.line, column, message: problem.message };
  return { row: kind === 'csv' ? problem.row + 1 : problem.row, column, message: problem.message };
}

const ROWS_HINT: Record<CrosswalkFileKind, string> = {
  csv: ' Rows are counted as your spreadsheet shows them (the header is row 1).',
  xlsx: ' Sheets and rows are as Excel shows them.',
  yaml: ' Rows are the mappings in file order.',
};

export function savedWords(saved: CrosswalkSavedView): string {
  return `${plural(saved.rowCount, 'row')} from ${saved.fileName}, saved ${saved.savedAt.slice(0, 10)}`;
}

export default function CrosswalkUpload({ api, onDone }: { api: CrosswalkApi; onDone: (saved: boolean) => void }) {
  const headingId = useId();
  const fileId = useId();
  const { read, save, chooseFile, submit } = useCrosswalkUpload(api);
  const preview = read.status === 'ready' ? read.preview : undefined;
  const blocked = !preview || preview.problems.length > 0 || preview.moreProblems > 0;

  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.300', '24px') }}>
      <Heading size="medium" as="h3" id={headingId}>
        Upload a crosswalk
      </Heading>
      <div style={section}>
        <label htmlFor={fileId} style={{ fontWeight: 600 }}>
          Crosswalk file (CSV, Excel .xlsx or YAML; at most 20,000 rows)
        </label>
        <input id={fileId} type="file" accept={CROSSWALK_ACCEPT} disabled={save.busy} onChange={(event) => chooseFile(event.target.files?.[0])} />
        <span style={subtle}>
          One row per mapping, with the columns from checklist, from item, to checklist, to item, coverage (full or partial; empty means full) and note; in a
          workbook, every sheet whose first row names these columns. The file is read in your browser and checked by Jira before anything is saved.
        </span>
      </div>

      {read.status === 'reading' && <Loading label={`Reading ${read.fileName}`} />}
      {read.status === 'error' && (
        <Notice appearance="error" title="This file cannot be used">
          {read.message}
        </Notice>
      )}
      {read.status === 'ready' && preview && (
        <>
          <ProblemList
            problems={preview.problems.map((problem) => toSheetProblem(problem, read.kind))}
            notListed={preview.moreProblems}
            warnings={[]}
            okText="Every row names two known items. Check what it maps below, then save."
            fixHint={`Fix them in ${read.fileName} and choose it again.${ROWS_HINT[read.kind]}`}
          />
          {!blocked && <CrosswalkSummary preview={preview} saved={save.result !== undefined} />}
        </>
      )}

      {save.error && (
        <Notice appearance="error" title="The crosswalk was not saved">
          {save.error}
        </Notice>
      )}
      {save.result && (
        <Notice appearance="success" title={save.result.unchanged ? 'Already saved' : 'Crosswalk saved'}>
          {save.result.unchanged ? `These rows are the site's crosswalk already (${savedWords(save.result.saved)}).` : `The site's crosswalk is now ${savedWords(save.result.saved)}. Every project's score shows it on its next read.`}
        </Notice>
      )}

      <div style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'center', flexWrap: 'wrap' }}>
        <Button appearance="primary" isDisabled={blocked || save.busy || save.result !== undefined} isLoading={save.busy} onClick={submit}>
          Save crosswalk
        </Button>
        <Button appearance="subtle" onClick={() => onDone(save.result !== undefined)} isDisabled={save.busy}>
          {save.result ? 'Done' : 'Cancel'}
        </Button>
        {preview && blocked && <span style={subtle}>Saving is possible once the problems above are fixed.</span>}
        {!blocked && !save.result && <span style={subtle}>Saving needs Jira&rsquo;s Administer Jira permission: the crosswalk applies to every project of the site.</span>}
      </div>
    </section>
  );
}

function CrosswalkSummary({ preview, saved }: { preview: CrosswalkPreview; saved: boolean }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} style={section}>
      <Heading size="small" as="h4" id={headingId}>
        What the file maps
      </Heading>
      <p style={{ margin: 0 }}>
        {plural(preview.rowCount, 'mapping')}: {preview.full} full, {preview.partial} partial.
      </p>
      <table aria-label="Mappings per checklist pair" style={{ borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            <th scope="col" style={cell}>From checklist</th>
            <th scope="col" style={cell}>To checklist</th>
            <th scope="col" style={cell}>Rows</th>
          </tr>
        </thead>
        <tbody>
          {preview.pairs.map((pair) => (
            <tr key={`${pair.from} ${pair.to}`}>
              <td style={cell}>{pair.from}</td>
              <td style={cell}>{pair.to}</td>
              <td style={cell}>{pair.rows}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!saved && (
        <p style={{ margin: 0, ...subtle }}>
          {preview.current
            ? `Saving replaces the site's crosswalk (${savedWords(preview.current)}), including the mappings linked by hand.`
            : 'No crosswalk is saved yet.'}
        </p>
      )}
    </section>
  );
}
