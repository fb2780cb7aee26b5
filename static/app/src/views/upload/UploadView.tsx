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
import { MappingTable } from './MappingTable';
import { MetaForm } from './MetaForm';
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
  const { api } = useServices();
  const headingId = useId();
  const fileId = useId();
  const sheetId = useId();
  const { read, source, draft, build, save, chooseFile, edit, submit, stale } = useUpload(api, existing, onSaved);
  const saving = save.status === 'saving';
  const sheet = source?.kind === 'table' ? source.workbook.sheets.find((candidate) => candidate.name === source.sheet) : undefined;
  const blocked = !build || build.problems.length > 0;

  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.300', '24px') }}>
      <Heading size="large" as="h2" id={headingId}>
        Bring your own checklist
      </Heading>
      <div style={section}>
        <label htmlFor={fileId} style={{ fontWeight: 600 }}>
          Checklist file (CSV, Excel .xlsx, YAML or JSON; at most 5 MB and 2,000 items)
        </label>
        <input id={fileId} type="file" accept={ACCEPT} disabled={saving} onChange={(event) => chooseFile(event.target.files?.[0])} />
        <span style={subtle}>The file is read in your browser; only the checklist it holds is sent to Jira, once you save it.</span>
      </div>

      {read.status === 'reading' && <Loading label={`Reading ${read.fileName}`} />}
      {read.status === 'error' && (
        <Notice appearance="error" title="This file cannot be used">
          {read.message}
        </Notice>
      )}

      {read.status === 'ready' && source?.kind === 'table' && source.useAws && (
        <Notice
          title="AWS MSP self-assessment workbook recognised"
          actions={<Button onClick={edit.mapManually}>Map the columns myself</Button>}
        >
          {`Sheets ${source.aws?.sources.map((s) => `“${s.sheet}”`).join(' and ')} are read with no mapping: ID is the item id, Requirement Description gives the title, Mandatory/Recommended and the requirement, the group rows (Business, People, …) become chapters, and Met? becomes each item’s initial result.`}
        </Notice>
      )}

      {read.status === 'ready' && source?.kind === 'table' && !source.useAws && sheet && (
        <div style={section}>
          {source.workbook.sheets.length > 1 && (
            <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
              <label htmlFor={sheetId} style={{ fontWeight: 600 }}>
                Sheet
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
        <Notice title="Checklist definition file">
          {`${source.workbook.fileName} is in the app’s own checklist format: its id, name, version and scoring come from the file. It is checked field by field when you save.`}
        </Notice>
      )}

      {read.status === 'ready' && source?.kind === 'table' && draft && (
        <MetaForm draft={draft} existing={existing} onChange={edit.meta} onBasedOn={edit.basedOn} aws={source.useAws && source.aws !== undefined} />
      )}

      {read.status === 'ready' && build && <ProblemList problems={build.problems} warnings={build.warnings} />}
      {read.status === 'ready' && build?.summary && <UploadPreview summary={build.summary} name={`${draft?.name ?? ''} ${draft?.version ?? ''}`.trim()} />}

      {save.status === 'saving' && (
        <div role="status" style={section}>
          <ProgressBar ariaLabel="Saving the checklist" value={save.progress.total > 0 ? save.progress.done / save.progress.total : 0} />
          <span>{save.progress.total > 1 ? `Saving… ${save.progress.done} of ${save.progress.total} parts sent` : 'Saving…'}</span>
        </div>
      )}
      {save.status === 'error' && <SaveError message={save.message} />}

      <div style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'center' }}>
        <Button appearance="primary" isDisabled={blocked || saving || stale} isLoading={saving} onClick={submit}>
          Save checklist
        </Button>
        <Button appearance="subtle" onClick={onCancel} isDisabled={saving}>
          Back to the checklists
        </Button>
        {read.status === 'ready' && build && build.problems.length > 0 && (
          <span style={subtle}>Saving is possible once the problems above are fixed.</span>
        )}
      </div>
    </section>
  );
}

/** The server's refusal: its first line says what happened, the rest lists each problem. */
function SaveError({ message }: { message: string }) {
  const [first, ...lines] = message.split('\n');
  return (
    <Notice appearance="error" title="The checklist was not saved">
      <p style={{ margin: 0 }}>{first}</p>
      {lines.length > 0 && (
        <ul aria-label="Problems found by Jira" style={{ margin: `${token('space.100', '8px')} 0 0`, paddingLeft: 20 }}>
          {lines.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
    </Notice>
  );
}
