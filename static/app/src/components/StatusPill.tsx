/**
 * A lozenge-like label (verdicts, item results). Our own because @atlaskit/lozenge costs ~55 KB
 * gzipped for what is a coloured span.
 */
import type { ReactNode } from 'react';
import { token } from '@atlaskit/tokens';

export type PillTone = 'success' | 'danger' | 'warning' | 'neutral' | 'information';

const TONES: Record<PillTone, { background: string; color: string }> = {
  success: { background: token('color.background.success', '#DCFFF1'), color: token('color.text.success', '#216E4E') },
  danger: { background: token('color.background.danger', '#FFECEB'), color: token('color.text.danger', '#AE2E24') },
  warning: { background: token('color.background.warning', '#FFF7D6'), color: token('color.text.warning', '#A54800') },
  information: { background: token('color.background.information', '#E9F2FF'), color: token('color.text.information', '#0055CC') },
  neutral: { background: token('color.background.neutral', '#091E420F'), color: token('color.text.subtle', '#44546F') },
};

export function StatusPill({ tone, children }: { tone: PillTone; children: ReactNode }) {
  const { background, color } = TONES[tone];
  return (
    <span
      style={{
        background,
        color,
        borderRadius: token('radius.xsmall', '3px'),
        padding: '0 4px',
        fontSize: 11,
        fontWeight: 700,
        textTransform: 'uppercase',
        whiteSpace: 'nowrap',
      }}
    >
      {children}
    </span>
  );
}
