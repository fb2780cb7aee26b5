/**
 * A message box in the look of Atlassian's section message. Our own because
 * @atlaskit/section-message costs ~115 KB gzipped (it pulls in icons, link and button).
 */
import type { ReactNode } from 'react';
import { token } from '@atlaskit/tokens';

export type NoticeAppearance = 'information' | 'success' | 'warning' | 'error';

const COLORS: Record<NoticeAppearance, { background: string; border: string }> = {
  information: { background: token('color.background.information', '#E9F2FF'), border: token('color.border.information', '#1D7AFC') },
  success: { background: token('color.background.success', '#DCFFF1'), border: token('color.border.success', '#22A06B') },
  warning: { background: token('color.background.warning', '#FFF7D6'), border: token('color.border.warning', '#E2B203') },
  error: { background: token('color.background.danger', '#FFECEB'), border: token('color.border.danger', '#E34935') },
};

interface NoticeProps {
  appearance?: NoticeAppearance;
  title?: string;
  children?: ReactNode;
  /** Buttons that resolve the situation, e.g. "Try again". */
  actions?: ReactNode;
}

export function Notice({ appearance = 'information', title, children, actions }: NoticeProps) {
  const colors = COLORS[appearance];
  // Errors interrupt (role=alert); everything else is announced politely.
  const role = appearance === 'error' ? 'alert' : 'status';
  return (
    <div
      role={role}
      style={{
        background: colors.background,
        borderLeft: `4px solid ${colors.border}`,
        borderRadius: token('radius.small', '4px'),
        padding: `${token('space.150', '12px')} ${token('space.200', '16px')}`,
        color: token('color.text', '#172B4D'),
      }}
    >
      {title && <p style={{ margin: 0, fontWeight: 600 }}>{title}</p>}
      {children && <div style={{ marginTop: title ? token('space.050', '4px') : 0 }}>{children}</div>}
      {actions && <div style={{ marginTop: token('space.150', '12px'), display: 'flex', gap: 8 }}>{actions}</div>}
    </div>
  );
}
