/**
 * A horizontal share bar with its text alternative. The drawing is hidden from assistive tech; the
 * label carries the same information in words.
 */
import { token } from '@atlaskit/tokens';

interface BarProps {
  value: number;
  max: number;
  /** What the bar says in words, e.g. "84 of 100 points earned". */
  label: string;
}

export function Bar({ value, max, label }: BarProps) {
  const share = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  return (
    <div role="img" aria-label={label} title={label} style={{ minWidth: 80 }}>
      <div
        aria-hidden="true"
        style={{ height: 8, borderRadius: 4, background: token('color.background.neutral', '#091E420F'), overflow: 'hidden' }}
      >
        <div
          style={{
            width: `${Math.round(share * 100)}%`,
            height: '100%',
            background: share >= 1 ? token('color.background.success.bold', '#1F845A') : token('color.background.brand.bold', '#0C66E4'),
          }}
        />
      </div>
    </div>
  );
}
