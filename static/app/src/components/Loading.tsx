import Spinner from '@atlaskit/spinner';

/** A spinner with words, so screen readers hear what is loading. */
export function Loading({ label }: { label: string }) {
  return (
    <div role="status" style={{ display: 'flex', alignItems: 'center', gap: 8, padding: 16 }}>
      <Spinner size="medium" label={label} />
      <span>{label}…</span>
    </div>
  );
}
