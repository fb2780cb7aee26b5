/** The upload view's few shared looks: form controls and table cells in the host's tokens. */
import { token } from '@atlaskit/tokens';

export const subtle = { color: token('color.text.subtle', '#44546F') };

export const control = {
  font: 'inherit',
  padding: `${token('space.050', '4px')} ${token('space.075', '6px')}`,
  border: `1px solid ${token('color.border.input', '#8590A2')}`,
  borderRadius: token('radius.small', '3px'),
  background: token('color.background.input', '#FFFFFF'),
  color: token('color.text', '#172B4D'),
  minWidth: 0,
  boxSizing: 'border-box' as const,
};

export const cell = {
  padding: `${token('space.075', '6px')} ${token('space.100', '8px')}`,
  borderBottom: `1px solid ${token('color.border', '#091E4224')}`,
  textAlign: 'left' as const,
  verticalAlign: 'top' as const,
};

export const section = { display: 'grid', gap: token('space.150', '12px') };
