/** The upload view's few shared looks: table cells in the host's tokens. */
import { token } from '@atlaskit/tokens';

export const subtle = { color: token('color.text.subtle', '#44546F') };

export const cell = {
  padding: `${token('space.075', '6px')} ${token('space.100', '8px')}`,
  borderBottom: `1px solid ${token('color.border', '#091E4224')}`,
  textAlign: 'left' as const,
  verticalAlign: 'top' as const,
};

export const section = { display: 'grid', gap: token('space.150', '12px') };
