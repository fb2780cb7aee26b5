/**
 * "Bring your own checklist": read a CSV, XLSX, YAML or JSON file in the browser, pick the sheet,
 * map its columns (guessed from the headers; the AWS self-assessment workbook needs no mapping),
 * set name, version and scoring, see every problem by row and column and a preview, then save it
 * as a checklist of the site. Loaded only when opened: its parsers never weigh on the Audit page.
 */
import { useId } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import ProgressBar from '@atlaskit/progress-bar';
import Select from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import type { ChecklistSummary } from '../../../../../common/contract';
import type { SaveCustomChecklistResult } from '../../../../../common/custom-checklists';
import { useServices } from '../../api/services';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { useT } from '../../i18n';
import { FileChooser } from './FileChooser';
import { MappingTable } from './MappingTable';
import { MetaForm } from './MetaForm';
import { uploadMessages } from './messages';
import { ProblemList } from './ProblemList';
import { UploadPreview } from './UploadPreview';
import { section, subtle } from './styles';
import { useUpload } from './useUpload';

export interface UploadViewProps {
  /** Every checklist of the site (ids and versions a new one must not clash with). */
  existing: ChecklistSummary[];
  onSaved: (saved: SaveCustomChecklistResult) => void;
  onCancel: () => void;
}

const ACCEPT = '.csv,.xlsx,.yaml,.yml,.json';

export default function UploadView({ existing, onSaved, onCancel }: UploadViewProps) {
  const t = useT(uploadMessages);
  const { api } = useServices();
  const headingId = useId();
  const sheetId = useId();
  const { read, source, draft, build, save, chooseFile, edit, submit, stale } = useUpload(api, existing, onSaved);
  const saving = save.status === 'saving';
  const sheet = source?.kind === 'table' ? source.workbook.sheets.find((candidate) => candidate.name === source.sheet) : undefined;
  const blocked = !build || build.problems.length > 0;

  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.300', '24px') }}>
      <Heading size="large" as="h2" id={headingId}>
        {t.title}
      </Heading>
      <FileChooser label={t.fileLabel} hint={t.fileHint} accept={ACCEPT} disabled={saving} onChoose={chooseFile} />

      {read.status === 'reading' && <Loading label={t.reading(read.fileName)} />}
      {read.status === 'error' && (
        <Notice appearance="error" title={t.cannotUse}>
          {read.message}
        </Notice>
      )}

      {read.status === 'ready' && source?.kind === 'table' && source.useAws && (
        <Notice
          title={t.awsRecognised}
          actions={<Button onClick={edit.mapManually}>{t.mapMyself}</Button>}
        >
          {t.awsBody(source.aws?.sources.map((s) => `“${s.sheet}”`).join(t.and) ?? '')}
        </Notice>
      )}

      {read.status === 'ready' && source?.kind === 'table' && !source.useAws && sheet && (
        <div style={section}>
          {source.workbook.sheets.length > 1 && (
            <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
              <label htmlFor={sheetId} style={{ fontWeight: 600 }}>
                {t.sheet}
              </label>
              <div style={{ minWidth: 240 }}>
                <Select
                  inputId={sheetId}
                  options={source.workbook.sheets.map((candidate) => ({ label: candidate.name, value: candidate.name }))}
                  value={{ label: source.sheet, value: source.sheet }}
                  onChange={(choice) => choice && edit.sheet(choice.value)}
                  spacing="compact"
                />
              </div>
            </div>
          )}
          <MappingTable sheet={sheet} mapping={source.mapping} manual={source.manual} onHeaderRow={edit.headerRow} onColumn={edit.column} />
        </div>
      )}

      {read.status === 'ready' && source?.kind === 'definition' && (
        <Notice title={t.definitionFile}>
          {t.definitionBody(source.workbook.fileName)}
        </Notice>
      )}

      {read.status === 'ready' && source?.kind === 'table' && draft && (
        <MetaForm draft={draft} existing={existing} onChange={edit.meta} onBasedOn={edit.basedOn} aws={source.useAws && source.aws !== undefined} />
      )}

      {read.status === 'ready' && build && <ProblemList problems={build.problems} warnings={build.warnings} />}
      {read.status === 'ready' && build?.summary && <UploadPreview summary={build.summary} name={`${draft?.name ?? ''} ${draft?.version ?? ''}`.trim()} />}

      {save.status === 'saving' && (
        <div role="status" style={section}>
          <ProgressBar ariaLabel={t.savingLabel} value={save.progress.total > 0 ? save.progress.done / save.progress.total : 0} />
          <span>{save.progress.total > 1 ? t.savingParts(save.progress.done, save.progress.total) : t.saving}</span>
        </div>
      )}
      {save.status === 'error' && <SaveError message={save.message} />}

      <div style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'center' }}>
        <Button appearance="primary" isDisabled={blocked || saving || stale} isLoading={saving} onClick={submit}>
          {t.save}
        </Button>
        <Button appearance="subtle" onClick={onCancel} isDisabled={saving}>
          {t.back}
        </Button>
        {read.status === 'ready' && build && build.problems.length > 0 && (
          <span style={subtle}>{t.fixFirst}</span>
        )}
      </div>
    </section>
  );
}

/** The server's refusal: its first line says what happened, the rest lists each problem. */
function SaveError({ message }: { message: string }) {
  const t = useT(uploadMessages);
  const [first, ...lines] = message.split('\n');
  return (
    <Notice appearance="error" title={t.notSaved}>
      <p style={{ margin: 0 }}>{first}</p>
      {lines.length > 0 && (
        <ul aria-label={t.jiraProblems} style={{ margin: `${token('space.100', '8px')} 0 0`, paddingLeft: 20 }}>
          {lines.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
    </Notice>
  );
}
