/**
 * "Audit risks": what an auditor would catch in the evidence — items met without evidence or with
 * only rejected evidence, evidence expired or expiring within 30 days — each linked to its issue,
 * and the project's strict mode (met only with accepted evidence in force), which a project admin
 * can switch here. The server refuses the switch to anyone else, with a message saying so.
 */
import { useId } from 'react';
import Checkbox from '@atlaskit/checkbox';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { useServices } from '../../../api/services';
import { useAction } from '../../../hooks/useAction';
import { Notice } from '../../../components/Notice';
import type { Rollup } from '../../../../../../common/contract';
import { RiskTable } from './RiskTable';
import { useT } from '../../../i18n';
import { auditEnglish, auditMessages } from '../messages';
import type { AuditMessages } from '../messages.en';

interface AuditRisksProps {
  rollup: Rollup;
  /** Called after strict mode changed, to fetch figures scored under the new setting. */
  onSettingsChanged: () => void;
}

/** Nothing to flag: say why without claiming evidence that nobody has had to add yet. */
export function noRisksLine(met: number, t: AuditMessages = auditEnglish()): string {
  if (met === 0) return t.noRisksYet;
  return t.noRisks;
}

export function AuditRisks({ rollup, onSettingsChanged }: AuditRisksProps) {
  const t = useT(auditMessages);
  const { evidence } = useServices();
  const headingId = useId();
  const strictId = useId();
  const fourEyesId = useId();
  const reasonId = useId();
  // Without `can` (an older cached rollup) the checkbox stays usable; the server still checks.
  const mayAdminister = rollup.can?.administerProjects ?? true;

  const saveSettings = useAction((settings: { strictMode: boolean } | { fourEyes: boolean }) => evidence!.setProjectSettings(settings), { onSuccess: () => onSettingsChanged() });
  const { busy: saving, error } = saveSettings;
  const change = (settings: { strictMode: boolean } | { fourEyes: boolean }) => {
    if (evidence) void saveSettings.run(settings);
  };

  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.100', '8px') }}>
      <Heading size="medium" as="h2" id={headingId}>
        {t.auditRisks}
      </Heading>
      {rollup.risks.length === 0 ? (
        <p style={{ margin: 0 }}>{noRisksLine(rollup.counts.met, t)}</p>
      ) : (
        <>
          <p style={{ margin: 0 }}>{t.risksCount(rollup.risks.length)}</p>
          <RiskTable rollup={rollup} />
        </>
      )}
      {evidence && (
        <div style={{ display: 'grid', gap: 2 }}>
          <Checkbox
            id={strictId}
            isChecked={rollup.strictMode}
            isDisabled={saving || !mayAdminister}
            aria-describedby={mayAdminister ? undefined : reasonId}
            onChange={(e) => change({ strictMode: e.target.checked })}
            label={t.strictMode}
          />
          <Checkbox
            id={fourEyesId}
            isChecked={rollup.fourEyes ?? true}
            isDisabled={saving || !mayAdminister}
            aria-describedby={mayAdminister ? undefined : reasonId}
            onChange={(e) => change({ fourEyes: e.target.checked })}
            label={t.fourEyes}
          />
          {!mayAdminister && (
            <p id={reasonId} style={{ margin: 0, color: token('color.text.subtle', '#44546F') }}>
              {t.administerReason}
            </p>
          )}
        </div>
      )}
      {error && (
        <Notice appearance="error" title={t.settingsNotChanged}>
          {error}
        </Notice>
      )}
    </section>
  );
}
