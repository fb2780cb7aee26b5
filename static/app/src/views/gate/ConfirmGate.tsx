/** A project admin says whether the Done gate is on for the project's workflow, and with which options. */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import { Radio } from '@atlaskit/radio';
import { token } from '@atlaskit/tokens';
import type { DoneGateConfig } from '../../../../../common/gate-config';
import type { GateStatus } from '../../../../../common/gate-status';
import { useT } from '../../i18n';
import { gateMessages } from './messages';

interface ConfirmGateProps {
  status: GateStatus;
  busy: boolean;
  onConfirm: (on: boolean, config: DoneGateConfig) => void;
}

export function ConfirmGate({ status, busy, onConfirm }: ConfirmGateProps) {
  const t = useT(gateMessages);
  const [config, setConfig] = useState<DoneGateConfig>(status.config);
  const on = status.confirmation?.on === true;
  return (
    <form aria-label={t.confirmForm} onSubmit={(event) => event.preventDefault()} style={{ display: 'grid', gap: token('space.100', '8px') }}>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 600 }}>{t.addedWith}</legend>
        <Radio name="gate-scope" value="mandatory" isChecked={config.scope === 'mandatory'} onChange={() => setConfig({ ...config, scope: 'mandatory' })} label={t.mandatoryOnly} />
        <Radio name="gate-scope" value="all" isChecked={config.scope === 'all'} onChange={() => setConfig({ ...config, scope: 'all' })} label={t.everyItem} />
        <Checkbox isChecked={config.naCounts} onChange={(event) => setConfig({ ...config, naCounts: event.target.checked })} label={t.naCounts} />
      </fieldset>
      <div style={{ display: 'flex', gap: token('space.100', '8px') }}>
        <Button appearance="primary" isDisabled={busy} onClick={() => onConfirm(true, config)}>
          {on ? t.saveOptions : t.gateIsOn}
        </Button>
        {status.confirmation !== null && status.confirmation.on && (
          <Button isDisabled={busy} onClick={() => onConfirm(false, config)}>
            {t.gateRemoved}
          </Button>
        )}
      </div>
    </form>
  );
}
