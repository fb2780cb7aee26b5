/**
 * "Update to version X": when a newer version of the project's checklist is saved (a team's new
 * file, or a new built-in), offer it; show what version sync would change (new, changed, renamed,
 * retired items) before anything is written, then apply it, resuming until it is complete.
 */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { ChecklistSummary, Rollup, SyncPreview, SyncResult } from '../../../../../../common/contract';
import { useErrorMessage } from '../../../hooks/useErrorMessage';
import { useServices } from '../../../api/services';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { useResource } from '../../../hooks/useResource';
import { carryLine, confirmedMappings, Proposals } from './Proposals';
import { newerVersions } from './versions';
import { useT } from '../../../i18n';
import { auditEnglish, auditMessages } from '../messages';
import type { AuditMessages } from '../messages.en';
import { versionEnglish, versionMessages } from './messages';
import type { VersionMessages } from './messages.en';

/** applySync calls before giving up: each one works for up to ~19 s of a resolver's 25 s. */
const MAX_ROUNDS = 50;

type Step =
  | { kind: 'offer' }
  | { kind: 'planning' }
  | { kind: 'plan'; plan: SyncPreview; confirmed: Set<string> }
  | { kind: 'applying'; done: Omit<SyncResult, 'complete' | 'checklistId'> }
  | { kind: 'error'; message: string; plan?: SyncPreview; confirmed?: ReadonlySet<string> };

interface VersionUpdateProps {
  rollup: Rollup;
  /** The project now holds `checklistId`: show its score. */
  onApplied: (checklistId: string) => void;
}

/** The plan's counts, with the confirmed proposals (`confirmed`, see Proposals.tsx) moved out of new and retired. */
export function planLines(plan: SyncPreview, confirmed: ReadonlySet<string> = new Set(), t: VersionMessages = versionEnglish()): string[] {
  const moves = confirmedMappings(plan, confirmed).length;
  const summary = { ...plan.summary, create: plan.summary.create - moves, retire: plan.summary.retire - moves };
  return [
    ...(moves > 0 ? [t.plan.moves(moves)] : []),
    t.plan.created(summary.create),
    t.plan.changed(summary.changed),
    t.plan.renamed(summary.renamed),
    t.plan.retired(summary.retire),
    t.plan.versionOnly(summary.versionOnly),
    ...(summary.duplicates > 0 ? [t.plan.duplicates(summary.duplicates)] : []),
  ];
}

/** One group of the plan's items, each as "ID — title" (the title from the score when it shows the item). */
export interface PlanGroup {
  label: string;
  /** The list's accessible name ("New items"). */
  name: string;
  items: string[];
}

/**
 * Which items the update creates, changes, renames and retires, by id and title, so a reviewer sees
 * what moves before Apply (the counts alone do not say whether a real item would be retired).
 */
export function planGroups(
  plan: SyncPreview,
  rollup: Pick<Rollup, 'items'>,
  confirmed: ReadonlySet<string> = new Set(),
  t: VersionMessages = versionEnglish(),
): PlanGroup[] {
  const moves = confirmedMappings(plan, confirmed);
  const movedTo = new Set(moves.map((move) => move.toItemId));
  const movedFrom = new Set(moves.map((move) => move.fromItemId));
  const titles = new Map(rollup.items.map((item) => [item.id, item.title]));
  const named = (id: string, title: string | undefined) => (title ? `${id} — ${title}` : id);
  const renamed = plan.update.filter((entry) => entry.previousItemId !== undefined && entry.previousItemId !== entry.itemId);
  const changed = plan.update.filter((entry) => !renamed.includes(entry) && entry.changes.some((change) => change !== 'identity'));
  const groups: PlanGroup[] = [
    { label: t.plan.groups.create, name: t.plan.groupNames.create, items: plan.create.filter((entry) => !movedTo.has(entry.itemId)).map((entry) => named(entry.itemId, entry.title)) },
    {
      label: t.plan.groups.changed,
      name: t.plan.groupNames.changed,
      items: changed.map((entry) => `${named(entry.itemId, titles.get(entry.itemId))} (${entry.changes.filter((change) => change !== 'identity').map((change) => t.plan.changeNames[change]).join(', ')})`),
    },
    {
      label: t.plan.groups.renamed,
      name: t.plan.groupNames.renamed,
      items: renamed.map((entry) => `${entry.previousItemId ?? ''} → ${named(entry.itemId, titles.get(entry.previousItemId ?? '') ?? titles.get(entry.itemId))}`),
    },
    { label: t.plan.groups.retire, name: t.plan.groupNames.retire, items: plan.retire.filter((entry) => !movedFrom.has(entry.itemId)).map((entry) => `${named(entry.itemId, titles.get(entry.itemId))}${entry.issueKey !== undefined ? ` (${entry.issueKey})` : ''}`) },
  ];
  return groups.filter((group) => group.items.length > 0);
}

/** "a team's own checklist, saved 3 May 2025" for a custom version; nothing for a built-in. */
export function sourceLine(target: ChecklistSummary, t: AuditMessages = auditEnglish()): string | undefined {
  if (target.source !== 'custom') return undefined;
  const saved = target.savedAt && !Number.isNaN(new Date(target.savedAt).getTime()) ? target.savedAt : undefined;
  return t.customSource(target.version, saved);
}

export function VersionUpdate({ rollup, onApplied }: VersionUpdateProps) {
  const t = useT(auditMessages);
  const describe = useErrorMessage();
  const tv = useT(versionMessages);
  const { api } = useServices();
  const headingId = useId();
  const list = useResource(() => api.listChecklists(), [api]);
  const [step, setStep] = useState<Step>({ kind: 'offer' });
  const target: ChecklistSummary | undefined = list.state.status === 'ready' ? newerVersions(list.state.value, rollup.checklistId)[0] : undefined;
  if (!target) return null;

  const preview = () => {
    setStep({ kind: 'planning' });
    api.planSync(target.id).then(
      (plan) => setStep({ kind: 'plan', plan, confirmed: new Set() }),
      (error: unknown) => setStep({ kind: 'error', message: describe(error) }),
    );
  };

  const apply = async (plan: SyncPreview, confirmed: ReadonlySet<string>) => {
    const mappings = confirmedMappings(plan, confirmed);
    const done = { created: 0, updated: 0, retired: 0, unchanged: 0 };
    setStep({ kind: 'applying', done });
    try {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const result = await api.applySync(target.id, mappings.length > 0 ? mappings : undefined);
        done.created += result.created;
        done.updated += result.updated;
        done.retired += result.retired;
        done.unchanged = result.unchanged;
        setStep({ kind: 'applying', done: { ...done } });
        if (result.complete) {
          onApplied(target.id);
          return;
        }
      }
      setStep({ kind: 'error', plan, confirmed, message: t.updateSlow });
    } catch (error) {
      setStep({ kind: 'error', plan, confirmed, message: describe(error) });
    }
  };

  const title = t.updateTo(target.version);
  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.150', '12px') }}>
      <Heading size="medium" as="h2" id={headingId}>
        {t.versionAvailable(target.version, target.name)}
      </Heading>
      {step.kind === 'offer' && (
        <Notice actions={<Button appearance="primary" onClick={preview}>{title}</Button>}>
          {t.updateOffer(rollup.version, target.version)}
          {sourceLine(target, t) !== undefined && <p style={{ margin: `${token('space.100', '8px')} 0 0` }}>{sourceLine(target, t)}</p>}
        </Notice>
      )}
      {step.kind === 'planning' && <Loading label={t.planning} />}
      {step.kind === 'plan' && (
        <Notice
          title={t.whatChanges(title)}
          actions={
            <>
              <Button appearance="primary" onClick={() => void apply(step.plan, step.confirmed)}>
                {t.applyUpdate}
              </Button>
              <Button appearance="subtle" onClick={() => setStep({ kind: 'offer' })}>
                {t.notNow}
              </Button>
            </>
          }
        >
          <p data-testid="carry-line" style={{ margin: `0 0 ${token('space.100', '8px')}` }}>
            {carryLine(step.plan, step.confirmed, t)}
          </p>
          <ul aria-label={t.updateChanges} style={{ margin: 0, paddingLeft: 20 }}>
            {planLines(step.plan, step.confirmed, tv).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {sourceLine(target, t) !== undefined && <p style={{ margin: `${token('space.100', '8px')} 0 0` }}>{sourceLine(target, t)}</p>}
          <Proposals plan={step.plan} confirmed={step.confirmed} onChange={(confirmed) => setStep({ ...step, confirmed })} />
          {planGroups(step.plan, rollup, step.confirmed, tv).map((group) => (
            <section key={group.label} aria-label={group.name} style={{ marginTop: token('space.100', '8px') }}>
              <strong>{`${group.label} (${group.items.length})`}</strong>
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {group.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </section>
          ))}
        </Notice>
      )}
      {step.kind === 'applying' && (
        <p role="status" style={{ margin: 0 }}>
          {t.updating(step.done.created, step.done.updated, step.done.retired)}
        </p>
      )}
      {step.kind === 'error' && (
        <Notice
          appearance="error"
          title={t.updateUnfinished}
          actions={<Button onClick={() => (step.plan ? void apply(step.plan, step.confirmed ?? new Set()) : preview())}>{t.tryAgain}</Button>}
        >
          {step.message}
        </Notice>
      )}
    </section>
  );
}
