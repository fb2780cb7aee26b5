/**
 * The project's Audit page (module `audit-page`). Shows the score of the checklist imported last,
 * or, when nothing is imported yet, the import flow. With several checklists imported, a switcher
 * by the headline picks the one scored. Data comes from the AuditApi in context.
 */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { errorMessage } from '../../api/errors';
import { useServices } from '../../api/services';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import type { Rollup } from '../../../../../common/contract';
import type { ProjectChecklist } from '../../../../../common/project-checklists';
import { ImportFlow } from './import/ImportFlow';
import { ChecklistSwitcher } from './score/ChecklistSwitcher';
import { ScoreDashboard } from './score/ScoreDashboard';
import { VersionUpdate } from './sync/VersionUpdate';
import { BeforeYouApply } from './verdict/BeforeYouApply';

// Audit day (reviews, waivers, history, export) and the printable report load on demand, so the
// page's first paint does not carry them.
const AuditDaySection = lazy(() => import('../audit-day/AuditDaySection'));
const PrintView = lazy(() => import('../audit-day/PrintView'));
const TrailSection = lazy(() => import('../trail/TrailSection'));
const PlanSection = lazy(() => import('../plan/PlanSection'));
const GateStatusSection = lazy(() => import('../gate/GateStatus'));

type Screen =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'score'; rollup: Rollup }
  | { kind: 'import'; previous: Rollup | null }
  | { kind: 'print'; rollup: Rollup };

export interface AuditPageProps {
  /** How often a running import is polled; tests shorten it. */
  pollMs?: number;
}

export default function AuditPage({ pollMs }: AuditPageProps) {
  const { api, auditDay, trail, plan, gate } = useServices();
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<string | undefined>(undefined);
  // Set in the effect (not only initialised) because StrictMode unmounts and remounts once.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const load = useCallback(
    (checklistId?: string, refresh = false) => {
      setScreen({ kind: 'loading' });
      api.getRollup({ checklistId, refresh }).then(
        (rollup) => mounted.current && setScreen(rollup ? { kind: 'score', rollup } : { kind: 'import', previous: null }),
        (error: unknown) => mounted.current && setScreen({ kind: 'error', message: errorMessage(error) }),
      );
    },
    [api],
  );
  useEffect(() => load(), [load]);

  // The project's checklists, for the switcher: read again when the page shows one it does not list
  // (just imported or synced). A failure only hides the switcher; the score still shows.
  const [checklists, setChecklists] = useState<ProjectChecklist[] | null>(null);
  const shownId = screen.kind === 'score' ? screen.rollup.checklistId : undefined;
  const listed = shownId !== undefined && checklists !== null && checklists.some((checklist) => checklist.id === shownId);
  useEffect(() => {
    if (shownId === undefined || listed || !api.listProjectChecklists) return;
    api.listProjectChecklists().then(
      (list) => mounted.current && setChecklists(list),
      (error: unknown) => console.warn('Could not list the project checklists', error),
    );
  }, [api, shownId, listed]);

  const refresh = (rollup: Rollup) => {
    setRefreshing(true);
    setRefreshError(undefined);
    api.getRollup({ checklistId: rollup.checklistId, refresh: true }).then(
      (fresh) => {
        if (!mounted.current) return;
        setRefreshing(false);
        if (fresh) setScreen({ kind: 'score', rollup: fresh });
      },
      (error: unknown) => {
        if (!mounted.current) return;
        setRefreshing(false);
        setRefreshError(errorMessage(error));
      },
    );
  };

  // A waiver moved the score: the stored item states still hold, so no Jira read is needed.
  const rescore = (rollup: Rollup) => {
    api.getRollup({ checklistId: rollup.checklistId }).then(
      (fresh) => mounted.current && fresh && setScreen((current) => (current.kind === 'score' ? { kind: 'score', rollup: fresh } : current)),
      (error: unknown) => mounted.current && setRefreshError(errorMessage(error)),
    );
  };

  if (screen.kind === 'print' && auditDay) {
    const back = screen.rollup;
    return (
      <Suspense fallback={<Loading label="Loading the audit report" />}>
        <PrintView api={auditDay} checklistId={back.checklistId} onBack={() => setScreen({ kind: 'score', rollup: back })} />
      </Suspense>
    );
  }

  return (
    <main style={{ padding: token('space.300', '24px'), display: 'grid', gap: token('space.300', '24px'), maxWidth: 1100 }}>
      <Heading size="xlarge" as="h1">
        Audit readiness
      </Heading>
      {screen.kind === 'loading' && <Loading label="Loading the audit score" />}
      {screen.kind === 'error' && (
        <Notice appearance="error" title="Could not load the audit score" actions={<Button onClick={() => load()}>Try again</Button>}>
          {screen.message}
        </Notice>
      )}
      {screen.kind === 'score' && (
        <ScoreDashboard
          rollup={screen.rollup}
          refreshing={refreshing}
          refreshError={refreshError}
          onRefresh={() => refresh(screen.rollup)}
          onImportAnother={() => setScreen({ kind: 'import', previous: screen.rollup })}
          versionUpdate={<VersionUpdate key={screen.rollup.checklistId} rollup={screen.rollup} onApplied={(checklistId) => load(checklistId, true)} />}
          beforeYouApply={auditDay?.getPrerequisites && <BeforeYouApply api={auditDay} checklistId={screen.rollup.checklistId} />}
          switcher={
            checklists && listed && checklists.length > 1 ? (
              <ChecklistSwitcher checklists={checklists} selectedId={screen.rollup.checklistId} onSwitch={(checklistId) => load(checklistId)} disabled={refreshing} />
            ) : undefined
          }
          auditDay={
            auditDay && (
              <Suspense fallback={<Loading label="Loading the audit day" />}>
                <AuditDaySection
                  api={auditDay}
                  rollup={screen.rollup}
                  onScoreChanged={() => rescore(screen.rollup)}
                  onPrint={() => setScreen({ kind: 'print', rollup: screen.rollup })}
                  {...(trail ? { trail } : {})}
                />
              </Suspense>
            )
          }
        />
      )}
      {screen.kind === 'score' && plan && (
        <Suspense fallback={<Loading label="Loading the road to audit day" />}>
          <PlanSection key={screen.rollup.checklistId} api={plan} checklistId={screen.rollup.checklistId} />
        </Suspense>
      )}
      {screen.kind === 'score' && gate && <Suspense fallback={<Loading label="Loading the Done gate" />}><GateStatusSection key={screen.rollup.checklistId} api={gate} checklistId={screen.rollup.checklistId} /></Suspense>}
      {screen.kind === 'score' && trail && (
        <Suspense fallback={<Loading label="Loading the decision trail" />}>
          <TrailSection api={trail} />
        </Suspense>
      )}
      {screen.kind === 'import' && (
        <ImportFlow
          firstImport={screen.previous === null}
          canCreateIssues={screen.previous?.can?.createIssues}
          pollMs={pollMs}
          // A fresh computation: the stored rollup predates the issues just created.
          onShowScore={(checklistId) => load(checklistId, true)}
          onCancel={screen.previous ? () => setScreen({ kind: 'score', rollup: screen.previous as Rollup }) : undefined}
        />
      )}
    </main>
  );
}
