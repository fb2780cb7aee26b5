/**
 * The evidence custom field (module audit-evidence): read-only in Jira (only the app writes it), so
 * it has a view only: Jira's stored value rendered as text, pointing to the item panel for changes.
 */
import { screen } from '@testing-library/react';
import EvidenceField from '../../static/app/src/views/evidence/EvidenceField';
import { readFieldValue } from '../../static/app/src/views/evidence/read-value';
import { safeHref } from '../../static/app/src/views/evidence/safe-url';
import { linkEntry, panelWithLink, renderIssueModule } from './evidence-fakes';

describe('EvidenceField', () => {
  describe('view', () => {
    it('lists the stored entries, a link for an https URL', async () => {
      renderIssueModule(<EvidenceField />, { field: { entryPoint: 'view', value: panelWithLink.evidence } });
      expect(await screen.findByRole('link', { name: 'Patch policy' })).toHaveAttribute('href', 'https://intranet.example/patching');
      expect(screen.getByText('Pending review')).toBeInTheDocument();
      expect(screen.getByText('Expires in 12 days')).toBeInTheDocument();
    });

    it('renders a value written around the app as inert text, and skips what is not an entry', async () => {
      const value = {
        entries: [
          { ...linkEntry, title: '<img src=x onerror="window.__pwned = 1">', url: 'javascript:window.__pwned=2' },
          { id: 'x', title: 'No kind', reviewState: 'accepted' },
          'not an entry',
        ],
      };
      const { container } = renderIssueModule(<EvidenceField />, { field: { entryPoint: 'view', value } });
      expect(await screen.findByText('<img src=x onerror="window.__pwned = 1">')).toBeInTheDocument();
      expect(container.querySelector('img')).toBeNull();
      expect(screen.queryByRole('link')).toBeNull();
      expect(screen.getByText('2 stored entries could not be read and are not shown.')).toBeInTheDocument();
      expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    });

    it('says when there is no evidence', async () => {
      renderIssueModule(<EvidenceField />, { field: { entryPoint: 'view', value: null } });
      expect(await screen.findByText('No evidence yet.')).toBeInTheDocument();
    });
  });

  describe('edit', () => {
    it('never edits: the field is read-only (only the app writes it), even when Jira asks for an editor', async () => {
      const { field } = renderIssueModule(<EvidenceField />, { field: { entryPoint: 'edit', value: panelWithLink.evidence } });
      expect(await screen.findByRole('link', { name: 'Patch policy' })).toBeInTheDocument();
      expect(screen.getByText('Add, change and review evidence in the Audit item panel of this issue.')).toBeInTheDocument();
      expect(screen.queryByRole('button')).toBeNull();
      expect(field.submitted).toEqual([]);
    });
  });
});

describe('safeHref', () => {
  it.each([
    ['https://x.example/a b', undefined],
    ['https://x.example/policy.pdf', 'https://x.example/policy.pdf'],
    ['HTTP://X.example', 'http://x.example/'],
    ['javascript:alert(1)', undefined],
    ['JaVaScRiPt:alert(1)', undefined],
    ['java\tscript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['//x.example/protocol-relative', undefined],
    ['/relative/path', undefined],
    ['https://x.example/\u202Egnp.exe', undefined],
  ])('%j → %j', (url, expected) => {
    expect(safeHref(url)).toBe(expected);
  });
});

describe('readFieldValue', () => {
  it('reads nothing from a value that is not a field value', () => {
    expect(readFieldValue('text')).toEqual({ entries: [], skipped: 0 });
    expect(readFieldValue({ entries: 'no' })).toEqual({ entries: [], skipped: 0 });
  });

  it('keeps plain strings only', () => {
    const { entries } = readFieldValue({ entries: [{ ...linkEntry, note: { toString: 'x' }, owner: 42 }] });
    expect(entries[0]).not.toHaveProperty('note');
    expect(entries[0]).not.toHaveProperty('owner');
    expect(entries[0]).toMatchObject({ id: 'ev-1', title: 'Patch policy', url: 'https://intranet.example/patching' });
  });
});
