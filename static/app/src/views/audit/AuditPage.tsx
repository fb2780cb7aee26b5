/**
 * The project's Audit page (module `audit-page`). Shows the score of the checklist imported last,
 * or, when nothing is imported yet, the import flow. With several checklists imported, a switcher
 * by the headline picks the one scored. This is the page's data container: the score comes from
 * one `useRollup` shared by every section; the layout and the sections take it as props. After an
 * import the sections sit in tabs (Overview, Chapters, Evidence and risks, Audit day, Plan,
 * Decision trail) whose address survives a reload; each tab loads when first opened.
 */
import { lazy, Suspense, useState } from 'react';
import { useServices } from '../../api/services';
import { Loading } from '../../components/Loading';
import { useRollup } from '../../hooks/useRollup';
import { AuditPageLayout } from './AuditPageLayout';
import { ImportFlow } from './import/ImportFlow';
import { ChecklistSwitcher } from './score/ChecklistSwitcher';
import { OverviewGlance } from './score/OverviewGlance';
import { ScoreDashboard } from './score/ScoreDashboard';
import { AuditTabs } from './tabs/AuditTabs';
import { useTabRoute } from './tabs/useTabRoute';
import { VersionUpdate } from './sync/VersionUpdate';
import { useProjectChecklists } from './useProjectChecklists';
import { BeforeYouApply } from './verdict/BeforeYouApply';
import { useT } from '../../i18n';
import { auditMessages } from './messages';

// Audit day (reviews, waivers, history, export) and the printable report load on demand, so the
// page's first paint does not carry them.
const AuditDaySection = lazy(() => import('../audit-day/AuditDaySection'));
const PrintView = lazy(() => import('../audit-day/PrintView'));
const TrailSection = lazy(() => import('../trail/TrailSection'));
const PlanSection = lazy(() => import('../plan/PlanSection'));
const GateStatusSection = lazy(() => import('../gate/GateStatus'));
const ChaptersTab = lazy(() => import('./tabs/ChaptersTab'));
const EvidenceTab = lazy(() => import('./tabs/EvidenceTab'));

/** What the page shows once the score is read: the score, the import flow over it, or the report. */
type Mode = 'score' | 'import' | 'print';

export interface AuditPageProps {
  /** How often a running import is polled; tests shorten it. */
  pollMs?: number;
}

export default function AuditPage({ pollMs }: AuditPageProps) {
  const t = useT(auditMessages);
  const { api, auditDay, trail, plan, gate } = useServices();
  const score = useRollup();
  const [mode, setMode] = useState<Mode>('score');
  const [tab, openTab] = useTabRoute();
  const rollup = score.state.status === 'ready' ? score.state.value : undefined;
  const { checklists, listed } = useProjectChecklists(api, rollup?.checklistId);

  // Another checklist, or one just imported or synced: "loading" until its score is there.
  const show = (checklistId?: string, fresh = false) => {
    setMode('score');
    score.show(checklistId, { fresh });
  };

  if (mode === 'print' && rollup && auditDay) {
    return (
      <Suspense fallback={<Loading label={t.loadingReport} />}>
        <PrintView api={auditDay} checklistId={rollup.checklistId} onBack={() => setMode('score')} />
      </Suspense>
    );
  }

  const importing = rollup === null || (rollup !== undefined && mode === 'import');
  return (
    <AuditPageLayout loading={score.state.status === 'loading'} error={score.state.status === 'error' ? score.state.message : undefined} onRetry={() => show()}>
      {rollup && !importing && (
        <AuditTabs
          selected={tab}
          onSelect={openTab}
          panels={{
            overview: (
              <ScoreDashboard
                rollup={rollup}
                refreshing={score.refreshing}
                refreshError={score.refreshError}
                onRefresh={score.refresh}
                onImportAnother={() => setMode('import')}
                glance={<OverviewGlance key={`glance:${rollup.checklistId}`} rollup={rollup} />}
                versionUpdate={<VersionUpdate key={rollup.checklistId} rollup={rollup} onApplied={(checklistId) => show(checklistId, true)} />}
                beforeYouApply={auditDay?.getPrerequisites && <BeforeYouApply api={auditDay} checklistId={rollup.checklistId} />}
                switcher={
                  checklists && listed && checklists.length > 1 ? (
                    <ChecklistSwitcher checklists={checklists} selectedId={rollup.checklistId} onSwitch={(checklistId) => show(checklistId)} disabled={score.refreshing} />
                  ) : undefined
                }
              />
            ),
            chapters: <ChaptersTab rollup={rollup} />,
            evidence: (
              <>
                <EvidenceTab rollup={rollup} onChanged={score.refresh} />
                {gate && (
                  <Suspense fallback={<Loading label={t.loadingGate} />}>
                    <GateStatusSection key={rollup.checklistId} api={gate} checklistId={rollup.checklistId} />
                  </Suspense>
                )}
              </>
            ),
            'audit-day': auditDay && (
              <AuditDaySection api={auditDay} rollup={rollup} onScoreChanged={score.rescore} onPrint={() => setMode('print')} {...(trail ? { trail } : {})} />
            ),
            plan: plan && <PlanSection key={rollup.checklistId} api={plan} checklistId={rollup.checklistId} />,
            trail: trail && <TrailSection api={trail} />,
          }}
        />
      )}
      {importing && (
        <ImportFlow
          firstImport={rollup === null}
          canCreateIssues={rollup?.can?.createIssues}
          pollMs={pollMs}
          // A fresh computation: the stored rollup predates the issues just created.
          onShowScore={(checklistId) => show(checklistId, true)}
          onCancel={rollup ? () => setMode('score') : undefined}
        />
      )}
    </AuditPageLayout>
  );
}
