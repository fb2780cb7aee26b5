/**
 * The app in the user's locale: German words, German dates and numbers when the Forge context says
 * `de-DE`, English otherwise; and every language's catalogue has every key of the English one
 * (checked by the compiler where the catalogues are defined, and here again at run time).
 */
import './node-globals';
import { fireEvent, render as rtl, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { StartupError } from '../../static/app/src/App';
import { useResource } from '../../static/app/src/hooks/useResource';
import AuditPage from '../../static/app/src/views/audit/AuditPage';
import { ScoreGlance } from '../../static/app/src/views/audit/score/ScoreGlance';
import { LANGUAGES, LocaleProvider, makeFmt, messagesFor, safeLocale, type Catalogue } from '../../static/app/src/i18n';
import { GateConfigForm } from '../../static/app/src/views/gate/GateConfigPage';
import type { WorkflowRuleHost } from '../../static/app/src/views/gate/rule-host';
import UploadView from '../../static/app/src/views/upload/UploadView';
import type { CrosswalkApi } from '../../static/app/src/api/crosswalk-api';
import CrosswalkUpload from '../../static/app/src/views/crosswalk/CrosswalkUpload';
import { HistoryChart } from '../../static/app/src/views/audit-day/HistoryChart';
import { ExportActions } from '../../static/app/src/views/audit-day/ExportActions';
import type { TrailApi } from '../../static/app/src/api/trail-api';
import { findBuiltinChecklist } from '../../src/checklists';
import { makePack } from '../fixtures/sheets/pack-data';
import { FakeAuditDayApi, point } from './audit-day-fakes';
import { CATALOGUES } from './locale-catalogues';
import { FakeAuditApi, renderWithServices } from './fake-services';
import { pointsNotYet } from './fixtures';
import type { AuditExportPack, PlanDueEntry, TrailPage } from '../../common/contract';

const NBSP_OR_SPACE = '[\\s\\u00a0\\u202f]';

describe('the Audit page in German (context locale de-DE)', () => {
  it('says the score, the verdict and the tabs in German, with German figures', async () => {
    const api = new FakeAuditApi();
    api.rollups = [pointsNotYet];
    renderWithServices(
      <LocaleProvider locale="de-DE">
        <AuditPage pollMs={1} />
      </LocaleProvider>,
      api,
      '/chapters',
    );
    expect(await screen.findByRole('heading', { name: 'Audit-Bereitschaft' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Überblick' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Nachweise und Risiken' })).toBeInTheDocument();
    const table = await screen.findByTestId('chapter-table--table');
    // 645 of 700 = 92 %, as German writes a percentage (a space before the sign).
    expect(within(table).getByRole('img', { name: new RegExp(`^Security & compliance: 645 von 700 Punkten erreicht \\(92${NBSP_OR_SPACE}%\\)$`) })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /Fortschritt/ })).toBeInTheDocument();
    expect(screen.queryByText('Progress')).not.toBeInTheDocument();
  });

  it('writes the next deadline as a German date and a large change with German digit grouping', () => {
    const due: PlanDueEntry = { date: '2025-12-10', daysLeft: 18, kind: 'pre-audit', title: 'Pre-Audit', detail: '' };
    render(
      'de-DE',
      <ScoreGlance rollup={pointsNotYet} trends={[{ days: 7, change: 12_345 }, { days: 30, change: null }]} deadline={due} />,
    );
    expect(screen.getByTestId('glance-deadline')).toHaveTextContent('Nächste Frist: Pre-Audit, 10.12.2025 (in 18 Tagen)');
    expect(screen.getByTestId('glance-trends')).toHaveTextContent('+12.345 Punkte in 7 Tagen · noch kein Verlauf von vor 30 Tagen');
    expect(screen.getByTestId('glance-sentence')).toHaveTextContent('Würde noch nicht bestehen: 845 von 1000 Punkten, 55 Punkte unter der Bestehensgrenze von 900.');
  });

  it('stays English without a locale, and for a language the app does not ship', () => {
    const due: PlanDueEntry = { date: '2025-12-10', daysLeft: 1, kind: 'pre-audit', title: 'Pre-audit', detail: '' };
    render('fr-FR', <ScoreGlance rollup={pointsNotYet} trends={[{ days: 7, change: -1 }]} deadline={due} />);
    expect(screen.getByTestId('glance-deadline')).toHaveTextContent('Next deadline: Pre-audit, 2025-12-10 (in 1 day)');
    expect(screen.getByTestId('glance-trends')).toHaveTextContent('−1 point in 7 days');
  });
});

describe('the audit day in German', () => {
  it('says the score history in one German sentence, with German dates and figures', () => {
    render('de-DE', <HistoryChart points={[point('2025-11-20', 800), point('2025-11-21', 830), point('2025-11-22', 905)]} model="points" />);
    const sentence = 'Bewertung von 800 am 20.11.2025 auf 905 am 22.11.2025, 3 Messpunkte; Bestehensgrenze 900.';
    expect(screen.getByTestId('history-summary')).toHaveTextContent(sentence);
    expect(screen.getByRole('img')).toHaveAccessibleName(sentence);
    // The axis names its first and last day as German writes them.
    expect(screen.getByRole('img')).toHaveTextContent(/20\.11\.2025.*22\.11\.2025/);
    expect(screen.queryByText(/Score from/)).not.toBeInTheDocument();
  });

  it('writes a share with a German decimal comma, and says when there is no history yet', () => {
    const { unmount } = render('de-DE', <HistoryChart points={[point('2025-11-22', 40, { maxScore: 61, passMark: null, percent: 65.6 })]} model="met" />);
    expect(screen.getByTestId('history-summary')).toHaveTextContent('Bewertung am 22.11.2025: 65,6 % erfüllt.');
    unmount();
    render('de-DE', <HistoryChart points={[]} model="points" />);
    expect(screen.getByTestId('history-summary')).toHaveTextContent(/^Noch kein Verlauf der Bewertung/);
  });

  it('says the .xlsx export’s progress in German while it reads the pack and the trail', async () => {
    let readPack: (pack: AuditExportPack) => void = () => undefined;
    class WaitingPackApi extends FakeAuditDayApi {
      exportPack(): Promise<AuditExportPack> {
        return new Promise((resolve) => {
          readPack = resolve;
        });
      }
    }
    const pages: TrailPage[] = [{ entries: [], total: 250, nextCursor: 'next' }];
    const unused = async (): Promise<never> => {
      throw new Error('the export reads only the trail');
    };
    // The first page answers; the second never does, so the step stays on screen.
    const trail: TrailApi = { getTrail: () => (pages.length > 0 ? Promise.resolve(pages.shift() as TrailPage) : new Promise(() => undefined)), getItemHistory: unused, verifyTrail: unused, exportTrail: unused };
    render('de-DE', <ExportActions api={new WaitingPackApi()} checklistId="aws-msp-7.1" onPrint={() => undefined} trail={trail} />);
    fireEvent.click(screen.getByRole('button', { name: 'Audit-Paket (.xlsx)' }));
    expect(await screen.findByText('Prüfpunkte, Nachweise und Erlasse werden gelesen…')).toHaveAttribute('role', 'status');
    const def = findBuiltinChecklist('aws-msp-7.1');
    if (!def) throw new Error('aws-msp-7.1 is built in');
    readPack({ format: 'pack', baseName: 'MSP-aws-msp-7.1-audit-pack-2026-03-02', pack: makePack(def) });
    expect(await screen.findByText('Die Entscheidungsspur wird gelesen (0 von 250)…')).toBeInTheDocument();
    expect(screen.queryByText(/Reading/)).not.toBeInTheDocument();
  });
});

function render(locale: string, ui: ReactElement) {
  return rtl(<LocaleProvider locale={locale}>{ui}</LocaleProvider>);
}

describe('numbers, dates and plurals follow the locale', () => {
  it('formats for German and keeps English readable in en-US and en-GB alike', () => {
    const de = makeFmt('de-DE');
    expect(de.n(12500)).toBe('12.500');
    expect(de.n(2.5)).toBe('2,5');
    expect(de.pct(85)).toMatch(new RegExp(`^85${NBSP_OR_SPACE}%$`));
    expect(de.date('2026-03-02T10:04:59.123Z')).toBe('02.03.2026');
    expect(de.plural(1, { one: 'Tag', other: 'Tage' })).toBe('Tag');
    const en = makeFmt('en-US');
    expect(en.n(1000)).toBe('1000');
    expect(en.n(12500)).toBe('12,500');
    expect(en.date('2026-03-02T10:04:59.123Z')).toBe('2026-03-02');
    expect(en.longDate('2026-12-07T00:00:00Z')).toBe('7 Dec 2026');
  });

  it('takes what a host sends as a locale, and falls back to en-US on nothing or garbage', () => {
    expect(safeLocale('de_DE')).toBe('de-DE');
    expect(safeLocale(undefined)).toBe('en-US');
    expect(safeLocale('not a locale!')).toBe('en-US');
  });
});

/** The keys of a catalogue's messages, nested objects as `a.b`, each with what it is (string or function). */
function shape(messages: object, prefix = ''): string[] {
  return Object.entries(messages)
    .flatMap(([key, value]) => (typeof value === 'object' && value !== null ? shape(value as object, `${prefix}${key}.`) : [`${prefix}${key}: ${typeof value}`]))
    .sort();
}

describe('every catalogue has every key of English in every language', () => {
  it.each(Object.entries(CATALOGUES))('%s', (_name, catalogue: Catalogue<object>) => {
    const english = shape(messagesFor(catalogue, 'en-US'));
    expect(english.length).toBeGreaterThan(0);
    for (const language of LANGUAGES) {
      expect(shape(catalogue[language](makeFmt(language)))).toEqual(english);
    }
  });

  it('a language that lacks one of English’s keys does not compile', () => {
    // @ts-expect-error: German without `b` is not a catalogue of English's shape.
    const broken: Catalogue<{ a: string; b: (n: number) => string }> = { en: () => ({ a: 'A', b: (n: number) => `${n}` }), de: () => ({ a: 'A' }) };
    expect(shape(broken.de(makeFmt('de')))).not.toEqual(shape(broken.en(makeFmt('en'))));
  });
});

describe('the other views in German', () => {
  it('the Done gate configuration page: the options and the problem in German', async () => {
    const host: WorkflowRuleHost = { ruleContext: async () => ({ entry: 'edit', config: '{"scope":"all"' }), onConfigure: async () => undefined };
    render('de-DE', <GateConfigForm host={host} context={{ entry: 'edit', config: '{"scope":"all"' }} />);
    expect(await screen.findByRole('form', { name: 'Konfiguration des Done-Gates' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Nur Pflichtpunkte (empfohlen)' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Konfiguration (JSON)' })).toBeInTheDocument();
    expect(screen.getByText('Diese Konfiguration kann nicht gespeichert werden')).toBeInTheDocument();
    expect(screen.queryByText('Which items')).not.toBeInTheDocument();
  });

  it('the checklist upload page: the file field and the buttons in German', () => {
    renderWithServices(
      <LocaleProvider locale="de-DE">
        <UploadView existing={[]} onSaved={() => undefined} onCancel={() => undefined} />
      </LocaleProvider>,
      new FakeAuditApi(),
    );
    expect(screen.getByRole('heading', { name: 'Eigene Checkliste mitbringen' })).toBeInTheDocument();
    expect(screen.getByLabelText(/^Checklisten-Datei \(CSV, Excel \.xlsx, YAML oder JSON; höchstens 5 MB und 2\.000 Prüfpunkte\)$/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Checkliste speichern' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Zurück zu den Checklisten' })).toBeInTheDocument();
  });

  it('the start-up failure, where the host gave no context: in the browser’s language', () => {
    rtl(<StartupError error={new Error('Keine Verbindung.')} locale="de-DE" />);
    expect(screen.getByRole('alert')).toHaveTextContent(/^MSP Audit Ready konnte nicht startenKeine Verbindung\. Öffnen Sie die App über die Audit-Seite eines Jira-Projekts/);
  });

  it('a failure that carries no words, read through useResource: the app’s own sentence in German', async () => {
    function Reader() {
      const { state } = useResource(() => Promise.reject(new Error('')), []);
      return <p>{state.status === 'error' ? state.message : state.status}</p>;
    }
    render('de-DE', <Reader />);
    expect(await screen.findByText(/^Etwas ist schiefgegangen, womit die App nicht gerechnet hat\./)).toBeInTheDocument();
  });

  it('the crosswalk upload: the file field and the buttons in German', () => {
    const unused = async (): Promise<never> => {
      throw new Error('nothing is sent before a file is chosen');
    };
    const api: CrosswalkApi = {
      beginCrosswalkUpload: unused,
      appendCrosswalkRows: unused,
      previewCrosswalk: unused,
      saveCrosswalk: unused,
      getItemCrosswalk: unused,
      linkItemCrosswalk: unused,
    };
    render('de-DE', <CrosswalkUpload api={api} onDone={() => undefined} />);
    expect(screen.getByRole('heading', { name: 'Crosswalk hochladen' })).toBeInTheDocument();
    expect(screen.getByLabelText(/^Crosswalk-Datei \(CSV, Excel \.xlsx oder YAML; höchstens 20\.000 Zeilen\)$/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Crosswalk speichern' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Abbrechen' })).toBeInTheDocument();
    expect(screen.queryByText('Upload a crosswalk')).not.toBeInTheDocument();
  });
});
