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
import type { CrosswalkPreview, CrosswalkProblemView, CrosswalkSavedView } from '../../../../../common/crosswalk';
import type { SheetProblem } from '../../../../../common/sheets/types';
import type { CrosswalkApi } from '../../api/crosswalk-api';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { english, useT } from '../../i18n';
import { FileChooser } from '../upload/FileChooser';
import { ProblemList } from '../upload/ProblemList';
import { cell, section, subtle } from '../upload/styles';
import { crosswalkMessages } from './messages';
import type { CrosswalkMessages } from './messages.en';
import { CROSSWALK_ACCEPT, useCrosswalkUpload, type CrosswalkFileKind } from './useCrosswalkUpload';


/**
 * A problem where the person finds it: a workbook's row by its sheet and the row number Excel shows
 * (the server passes back what the browser's reader recorded); in a CSV the header is row 1, so data
 * row n is row n + 1; in YAML, the n-th mapping.
 */
export function toSheetProblem(problem: CrosswalkProblemView, kind: CrosswalkFileKind, t: CrosswalkMessages = english(crosswalkMessages)): SheetProblem {
  const column = problem.field && problem.field !== 'sheet' && problem.field !== 'line' ? t.columns[problem.field] : '';
  if (problem.row === 0) return { row: 0, column: '', message: problem.message };
  if (problem.line !== undefined) return { ...(problem.sheet !== undefined ? { sheet: problem.sheet } : {}), row: problem.line, column, message: problem.message };
  return { row: kind === 'csv' ? problem.row + 1 : problem.row, column, message: problem.message };
}

export function savedWords(saved: CrosswalkSavedView, t: CrosswalkMessages = english(crosswalkMessages)): string {
  return t.saved(saved.rowCount, saved.fileName, saved.savedAt);
}

export default function CrosswalkUpload({ api, onDone }: { api: CrosswalkApi; onDone: (saved: boolean) => void }) {
  const t = useT(crosswalkMessages);
  const headingId = useId();
  const { read, save, chooseFile, submit } = useCrosswalkUpload(api);
  const preview = read.status === 'ready' ? read.preview : undefined;
  const blocked = !preview || preview.problems.length > 0 || preview.moreProblems > 0;

  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.300', '24px') }}>
      <Heading size="medium" as="h3" id={headingId}>
        {t.upload}
      </Heading>
      <FileChooser label={t.fileLabel} hint={t.fileHint} accept={CROSSWALK_ACCEPT} disabled={save.busy} onChoose={chooseFile} />

      {read.status === 'reading' && <Loading label={t.reading(read.fileName)} />}
      {read.status === 'error' && (
        <Notice appearance="error" title={t.cannotUse}>
          {read.message}
        </Notice>
      )}
      {read.status === 'ready' && preview && (
        <>
          <ProblemList
            problems={preview.problems.map((problem) => toSheetProblem(problem, read.kind, t))}
            notListed={preview.moreProblems}
            warnings={[]}
            okText={t.okText}
            fixHint={`${t.fixHint(read.fileName)}${t.rowsHint[read.kind]}`}
          />
          {!blocked && <CrosswalkSummary preview={preview} saved={save.result !== undefined} />}
        </>
      )}

      {save.error && (
        <Notice appearance="error" title={t.notSaved}>
          {save.error}
        </Notice>
      )}
      {save.result && (
        <Notice appearance="success" title={save.result.unchanged ? t.alreadySaved : t.crosswalkSaved}>
          {save.result.unchanged ? t.alreadyBody(savedWords(save.result.saved, t)) : t.savedBody(savedWords(save.result.saved, t))}
        </Notice>
      )}

      <div style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'center', flexWrap: 'wrap' }}>
        <Button appearance="primary" isDisabled={blocked || save.busy || save.result !== undefined} isLoading={save.busy} onClick={submit}>
          {t.save}
        </Button>
        <Button appearance="subtle" onClick={() => onDone(save.result !== undefined)} isDisabled={save.busy}>
          {save.result ? t.done : t.cancel}
        </Button>
        {preview && blocked && <span style={subtle}>{t.fixFirst}</span>}
        {!blocked && !save.result && <span style={subtle}>{t.needsAdmin}</span>}
      </div>
    </section>
  );
}

function CrosswalkSummary({ preview, saved }: { preview: CrosswalkPreview; saved: boolean }) {
  const t = useT(crosswalkMessages);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} style={section}>
      <Heading size="small" as="h4" id={headingId}>
        {t.whatItMaps}
      </Heading>
      <p style={{ margin: 0 }}>{t.mappingCounts(preview.rowCount, preview.full, preview.partial)}</p>
      <table aria-label={t.pairsLabel} style={{ borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            <th scope="col" style={cell}>
              {t.fromChecklist}
            </th>
            <th scope="col" style={cell}>
              {t.toChecklist}
            </th>
            <th scope="col" style={cell}>
              {t.rows}
            </th>
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
          {preview.current ? t.replaces(savedWords(preview.current, t)) : t.noneYet}
        </p>
      )}
    </section>
  );
}
