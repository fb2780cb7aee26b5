/** A project admin says whether the Done gate is on for the project's workflow, and with which options. */
import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import { Radio } from '@atlaskit/radio';
import { token } from '@atlaskit/tokens';
import type { DoneGateConfig } from '../../../../../common/gate-config';
import type { GateStatus } from '../../../../../common/gate-status';

interface ConfirmGateProps {
  status: GateStatus;
  busy: boolean;
  onConfirm: (on: boolean, config: DoneGateConfig) => void;
}

export function ConfirmGate({ status, busy, onConfirm }: ConfirmGateProps) {
  const [config, setConfig] = useState<DoneGateConfig>(status.config);
  const on = status.confirmation?.on === true;
  return (
    <form aria-label="Confirm the Done gate" onSubmit={(event) => event.preventDefault()} style={{ display: 'grid', gap: token('space.100', '8px') }}>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 600 }}>The validator was added with</legend>
        <Radio name="gate-scope" value="mandatory" isChecked={config.scope === 'mandatory'} onChange={() => setConfig({ ...config, scope: 'mandatory' })} label="Mandatory items only" />
        <Radio name="gate-scope" value="all" isChecked={config.scope === 'all'} onChange={() => setConfig({ ...config, scope: 'all' })} label="Every item" />
        <Checkbox isChecked={config.naCounts} onChange={(event) => setConfig({ ...config, naCounts: event.target.checked })} label="A justified N/A counts as done" />
      </fieldset>
      <div style={{ display: 'flex', gap: token('space.100', '8px') }}>
        <Button appearance="primary" isDisabled={busy} onClick={() => onConfirm(true, config)}>
          {on ? 'Save the options' : 'The gate is on for our Done transition'}
        </Button>
        {status.confirmation !== null && status.confirmation.on && (
          <Button isDisabled={busy} onClick={() => onConfirm(false, config)}>
            The gate was removed
          </Button>
        )}
      </div>
    </form>
  );
}
