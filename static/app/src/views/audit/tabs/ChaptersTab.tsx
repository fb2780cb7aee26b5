/** Tab "Chapters": the chapter table and the item-by-item explanation of the score. Loaded when opened. */
import { token } from '@atlaskit/tokens';
import type { Rollup } from '../../../../../../common/contract';
import { ChapterTable } from '../score/ChapterTable';
import { ExplainScore } from '../score/ExplainScore';

export default function ChaptersTab({ rollup }: { rollup: Rollup }) {
  return (
    <div style={{ display: 'grid', gap: token('space.300', '24px') }}>
      <ChapterTable rollup={rollup} />
      <ExplainScore rollup={rollup} />
    </div>
  );
}
