import {
  EvidenceError,
  checkEvidenceInput,
  evidenceInputSchema,
  mergeEvidencePatch,
  urlProblem,
  validateEvidenceInput,
  validateEvidencePatch,
  type EvidenceInput,
  type EvidenceProblem,
} from '../../../src/domain/evidence';

/** A valid link input; each case changes only what it is about. */
const link = (overrides: Record<string, unknown> = {}) => ({ kind: 'link', title: 'Patch policy', url: 'https://intranet.example/patching', ...overrides });

const problemsOf = (raw: unknown): EvidenceProblem[] => {
  const result = checkEvidenceInput(raw);
  if (result.ok) throw new Error(`expected problems, got ${JSON.stringify(result.value)}`);
  return result.problems;
};

const errorOf = (fn: () => unknown): EvidenceError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof EvidenceError) return error;
    throw error;
  }
  throw new Error('expected an EvidenceError');
};

const HTTP_ONLY = (scheme: string) => `must be an https:// or http:// link, not ${scheme}:`;
const FULL_LINK = 'must be a full link starting with https:// or http://, e.g. https://example.com/policy.pdf';
const NO_SPACES = 'must not contain spaces or control characters; encode a space as %20';

describe('checkEvidenceInput', () => {
  describe('when the input is valid', () => {
    it.each<[string, Record<string, unknown>, EvidenceInput]>([
      ['a link', link(), { kind: 'link', title: 'Patch policy', url: 'https://intranet.example/patching' }],
      ['an http link', link({ url: 'http://wiki.example/ops' }), { kind: 'link', title: 'Patch policy', url: 'http://wiki.example/ops' }],
      ['an upper-case scheme', link({ url: 'HTTPS://Wiki.Example/Ops' }), { kind: 'link', title: 'Patch policy', url: 'HTTPS://Wiki.Example/Ops' }],
      ['an attachment', { kind: 'attachment', title: 'Signed SoW', attachmentId: '10042' }, { kind: 'attachment', title: 'Signed SoW', attachmentId: '10042' }],
      ['a demo with a note only', { kind: 'demo', title: 'Failover demo', note: 'Live in the lab,\nday 2.' }, { kind: 'demo', title: 'Failover demo', note: 'Live in the lab,\nday 2.' }],
      ['a document with a url', { kind: 'document', title: 'ISMS', url: 'https://x.example/isms.pdf' }, { kind: 'document', title: 'ISMS', url: 'https://x.example/isms.pdf' }],
      ['a process with a note', { kind: 'process', title: 'Change process', note: 'In the runbook, section 4' }, { kind: 'process', title: 'Change process', note: 'In the runbook, section 4' }],
      ['a presentation', { kind: 'presentation', title: 'Deck', url: 'https://x.example/deck' }, { kind: 'presentation', title: 'Deck', url: 'https://x.example/deck' }],
      [
        'every optional field',
        link({ owner: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077', effectiveDate: '2026-01-01', expiryDate: '2026-12-31', note: 'Reviewed yearly' }),
        {
          kind: 'link',
          title: 'Patch policy',
          url: 'https://intranet.example/patching',
          owner: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
          effectiveDate: '2026-01-01',
          expiryDate: '2026-12-31',
          note: 'Reviewed yearly',
        },
      ],
    ])('returns the cleaned input for %s', (_label, raw, expected) => {
      expect(checkEvidenceInput(raw)).toEqual({ ok: true, value: expected });
    });

    it('accepts "<script>alert(1)</script>" as a title: it is stored and shown as plain text', () => {
      expect(validateEvidenceInput(link({ title: '<script>alert(1)</script>' })).title).toBe('<script>alert(1)</script>');
    });

    it('trims the title, the url and the note', () => {
      expect(validateEvidenceInput(link({ title: '  Patch policy  ', url: ' https://x.example/p ', note: '  why  ' }))).toEqual({
        kind: 'link',
        title: 'Patch policy',
        url: 'https://x.example/p',
        note: 'why',
      });
    });

    it.each<[string, unknown]>([['null', null], ['an empty string', ''], ['blanks', '   ']])('drops an optional field sent as %s', (_label, blank) => {
      expect(validateEvidenceInput(link({ owner: blank, note: blank, effectiveDate: blank, expiryDate: blank }))).toEqual(link());
    });

    it('accepts a title of exactly 255 characters, counting an emoji as one', () => {
      const title = `${'a'.repeat(254)}📎`;
      expect(validateEvidenceInput(link({ title })).title).toBe(title);
    });

    it('accepts a url of exactly 2,000 characters', () => {
      const url = `https://x.example/${'a'.repeat(2000 - 'https://x.example/'.length)}`;
      expect(validateEvidenceInput(link({ url })).url).toBe(url);
    });

    it('accepts 29 February in a leap year', () => {
      expect(validateEvidenceInput(link({ expiryDate: '2028-02-29' })).expiryDate).toBe('2028-02-29');
    });
  });

  describe('when the url is not a plain http(s) link', () => {
    it.each<[string, string]>([
      ['javascript:alert(1)', HTTP_ONLY('javascript')],
      ['JavaScript:alert(1)', HTTP_ONLY('javascript')],
      ['  javascript:alert(1)', HTTP_ONLY('javascript')],
      ['java\tscript:alert(1)', NO_SPACES],
      ['java\nscript:alert(1)', NO_SPACES],
      ['javascript\u0000:alert(1)', NO_SPACES],
      ['https://x.example/\u202Egnp.exe', NO_SPACES],
      ['http://\u200Bx.example', NO_SPACES],
      ['https://x.example/my policy.pdf', NO_SPACES],
      ['data:text/html;base64,PHNjcmlwdD4=', HTTP_ONLY('data')],
      ['file:///etc/passwd', HTTP_ONLY('file')],
      ['ftp://files.example/policy.pdf', HTTP_ONLY('ftp')],
      ['vbscript:msgbox(1)', HTTP_ONLY('vbscript')],
      ['/wiki/policy', FULL_LINK],
      ['policy.pdf', FULL_LINK],
      ['//evil.example/x', FULL_LINK],
      ['https:evil.example', 'must start with https:// followed by the host, e.g. https://example.com/policy.pdf'],
      ['https://', 'is not a valid link, e.g. https://example.com/policy.pdf'],
      ['https://user:secret@x.example/', 'must not contain a user name or password (user:password@…)'],
      ['https://intranet.example@evil.example/', 'must not contain a user name or password (user:password@…)'],
    ])('rejects %j', (url, message) => {
      expect(problemsOf(link({ url }))).toEqual([{ field: 'url', message }]);
    });

    it('rejects a url over 2,000 characters', () => {
      const url = `https://x.example/${'a'.repeat(2001 - 'https://x.example/'.length)}`;
      expect(problemsOf(link({ url }))).toEqual([
        { field: 'url', message: 'must be at most 2000 characters (it has 2001); link to a shorter address' },
      ]);
    });

    it('rejects a url that is not text', () => {
      expect(problemsOf(link({ url: 42 }))).toEqual([{ field: 'url', message: 'must be text: a link, e.g. https://example.com/policy.pdf' }]);
    });
  });

  describe('when the title breaks a rule', () => {
    it.each<[string, unknown, string]>([
      ['missing', undefined, 'required: give the evidence a short title'],
      ['empty', '', 'required: give the evidence a short title'],
      ['blank', '   ', 'required: give the evidence a short title'],
      ['null', null, 'required: give the evidence a short title'],
      ['a number', 7, 'must be text'],
      ['256 characters', 'a'.repeat(256), 'must be at most 255 characters (it has 256)'],
      ['a line break inside', 'Patch\npolicy', 'must not contain control characters such as tabs or line breaks; keep it on one line'],
      ['a tab inside', 'Patch\tpolicy', 'must not contain control characters such as tabs or line breaks; keep it on one line'],
      ['a NUL', 'Patch\u0000', 'must not contain control characters such as tabs or line breaks; keep it on one line'],
      ['a right-to-left override', 'fdp.\u202Eexe', 'must not contain control characters such as tabs or line breaks; keep it on one line'],
    ])('reports title when it is %s', (_label, title, message) => {
      const raw: Record<string, unknown> = link({ title });
      if (title === undefined) delete raw.title;
      expect(problemsOf(raw)).toEqual([{ field: 'title', message }]);
    });
  });

  describe('when the kind is missing or unknown', () => {
    it.each<[string, unknown, string]>([
      ['missing', undefined, 'required: one of document, process, presentation, demo, link, attachment'],
      ['unknown', 'video', 'must be one of: document, process, presentation, demo, link, attachment'],
    ])('reports kind when it is %s', (_label, kind, message) => {
      const raw: Record<string, unknown> = link({ kind });
      if (kind === undefined) delete raw.kind;
      expect(problemsOf(raw)).toEqual([{ field: 'kind', message }]);
    });
  });

  describe('when a kind lacks what it needs', () => {
    it.each<[string, Record<string, unknown>, EvidenceProblem[]]>([
      ['a link without url', { kind: 'link', title: 'Policy', note: 'on the wiki' }, [{ field: 'url', message: 'required for a link: paste its https:// address' }]],
      [
        'an attachment without attachmentId',
        { kind: 'attachment', title: 'SoW' },
        [{ field: 'attachmentId', message: 'required for an attachment: pick a file attached to this issue' }],
      ],
      [
        'an attachment with a url',
        { kind: 'attachment', title: 'SoW', attachmentId: '10042', url: 'https://x.example' },
        [{ field: 'url', message: 'is not used for an attachment; add a separate entry of kind link for a web address' }],
      ],
      [
        'a link with an attachmentId',
        link({ attachmentId: '10042' }),
        [{ field: 'attachmentId', message: 'is only for kind attachment; remove it or set kind to attachment' }],
      ],
      ['a document with neither url nor note', { kind: 'document', title: 'ISMS' }, [{ field: 'url', message: 'a document needs a url or a note saying where the auditor finds it' }]],
      ['a demo with neither url nor note', { kind: 'demo', title: 'Failover' }, [{ field: 'url', message: 'a demo needs a url or a note saying where the auditor finds it' }]],
      ['a process with a blank note', { kind: 'process', title: 'Change', note: '  ' }, [{ field: 'url', message: 'a process needs a url or a note saying where the auditor finds it' }]],
    ])('reports %s', (_label, raw, problems) => {
      expect(problemsOf(raw)).toEqual(problems);
    });
  });

  describe('when an attachment id or owner is malformed', () => {
    it.each<[string, Record<string, unknown>, EvidenceProblem]>([
      ['a non-numeric attachmentId', { attachmentId: 'abc' }, { field: 'attachmentId', message: 'must be the numeric id of an attachment on this issue, e.g. "10042"' }],
      ['a numeric attachmentId sent as a number', { attachmentId: 10042 }, { field: 'attachmentId', message: 'must be the id of an attachment on this issue, as text, e.g. "10042"' }],
      ['an owner with spaces', { owner: 'jane doe' }, { field: 'owner', message: 'must be an Atlassian account id (letters, digits, ":", "_", "-")' }],
      ['an owner that is not text', { owner: 12 }, { field: 'owner', message: 'must be an Atlassian account id' }],
    ])('reports %s', (_label, overrides, problem) => {
      const raw = { kind: 'attachment', title: 'SoW', attachmentId: '10042', ...overrides };
      expect(problemsOf(raw)).toEqual([problem]);
    });
  });

  describe('when a date breaks a rule', () => {
    it.each<[string, Record<string, unknown>, EvidenceProblem]>([
      ['30 February', { effectiveDate: '2026-02-30' }, { field: 'effectiveDate', message: 'is not a day of the calendar (check the month has that many days)' }],
      ['29 February in a common year', { expiryDate: '2026-02-29' }, { field: 'expiryDate', message: 'is not a day of the calendar (check the month has that many days)' }],
      ['month 13', { expiryDate: '2026-13-01' }, { field: 'expiryDate', message: 'is not a day of the calendar (check the month has that many days)' }],
      ['day 00', { expiryDate: '2026-01-00' }, { field: 'expiryDate', message: 'is not a day of the calendar (check the month has that many days)' }],
      ['a European date', { expiryDate: '31/12/2026' }, { field: 'expiryDate', message: 'must be a date written YYYY-MM-DD, e.g. 2026-12-31' }],
      ['a timestamp', { expiryDate: '2026-12-31T00:00:00Z' }, { field: 'expiryDate', message: 'must be a date written YYYY-MM-DD, e.g. 2026-12-31' }],
      ['a number', { expiryDate: 20261231 }, { field: 'expiryDate', message: 'must be a date written YYYY-MM-DD' }],
      ['expiry before effective', { effectiveDate: '2026-06-01', expiryDate: '2026-05-31' }, { field: 'expiryDate', message: 'must be after effectiveDate (2026-06-01)' }],
      ['expiry on the effective date', { effectiveDate: '2026-06-01', expiryDate: '2026-06-01' }, { field: 'expiryDate', message: 'must be after effectiveDate (2026-06-01)' }],
    ])('reports %s', (_label, overrides, problem) => {
      expect(problemsOf(link(overrides))).toEqual([problem]);
    });

    it('accepts an expiry one day after the effective date', () => {
      expect(checkEvidenceInput(link({ effectiveDate: '2026-06-01', expiryDate: '2026-06-02' })).ok).toBe(true);
    });

    it('skips the order rule when one of the dates is itself invalid', () => {
      expect(problemsOf(link({ effectiveDate: '2026-02-30', expiryDate: '2026-01-01' }))).toEqual([
        { field: 'effectiveDate', message: 'is not a day of the calendar (check the month has that many days)' },
      ]);
    });
  });

  describe('when the note breaks a rule', () => {
    it.each<[string, string, string]>([
      ['2,001 characters', 'n'.repeat(2001), 'must be at most 2000 characters (it has 2001)'],
      ['a bell character', 'ring\u0007', 'must not contain control characters (line breaks and tabs are fine)'],
    ])('reports note at %s', (_label, note, message) => {
      expect(problemsOf(link({ note }))).toEqual([{ field: 'note', message }]);
    });

    it('accepts 2,000 characters with tabs and line breaks', () => {
      const note = `a\tb\r\n${'n'.repeat(1995)}`;
      expect(validateEvidenceInput(link({ note })).note).toBe(note);
    });
  });

  describe('when the input has keys it should not', () => {
    it.each<[string, EvidenceProblem]>([
      ['colour', { field: 'colour', message: 'is not an evidence field; use only kind, title, url, attachmentId, owner, effectiveDate, expiryDate, note' }],
      ['__proto__x', { field: '__proto__x', message: 'is not an evidence field; use only kind, title, url, attachmentId, owner, effectiveDate, expiryDate, note' }],
      ['reviewState', { field: 'reviewState', message: 'is set by the app, not by the request; leave it out' }],
      ['addedBy', { field: 'addedBy', message: 'is set by the app, not by the request; leave it out' }],
      ['id', { field: 'id', message: 'is set by the app, not by the request; leave it out' }],
    ])('rejects %s', (key, problem) => {
      expect(problemsOf(link({ [key]: 'x' }))).toEqual([problem]);
    });
  });

  describe('when the input plays prototype tricks', () => {
    it('reports a JSON "__proto__" key as unknown instead of reading through it', () => {
      const raw: unknown = JSON.parse('{"kind":"link","title":"t","url":"https://x.example","__proto__":{"note":"x"}}');
      expect(problemsOf(raw)).toEqual([
        { field: '__proto__', message: 'is not an evidence field; use only kind, title, url, attachmentId, owner, effectiveDate, expiryDate, note' },
      ]);
    });

    it('ignores fields inherited from a prototype', () => {
      const raw = Object.assign(Object.create({ url: 'https://inherited.example' }) as object, { kind: 'link', title: 't' });
      expect(problemsOf(raw)).toEqual([{ field: 'url', message: 'required for a link: paste its https:// address' }]);
    });
  });

  describe('when the input is not an object', () => {
    it.each<[string, unknown]>([['null', null], ['a string', 'link'], ['an array', [link()]]])('reports %s', (_label, raw) => {
      expect(problemsOf(raw)).toEqual([{ field: 'evidence', message: 'must be an object with at least kind and title' }]);
    });
  });

  describe('when several fields are wrong', () => {
    it('reports every problem in one pass, field by field', () => {
      expect(problemsOf({ kind: 'link', title: '', url: 'javascript:alert(1)', expiryDate: '2026-02-30', extra: true })).toEqual([
        { field: 'extra', message: 'is not an evidence field; use only kind, title, url, attachmentId, owner, effectiveDate, expiryDate, note' },
        { field: 'title', message: 'required: give the evidence a short title' },
        { field: 'url', message: HTTP_ONLY('javascript') },
        { field: 'expiryDate', message: 'is not a day of the calendar (check the month has that many days)' },
      ]);
    });
  });
});

describe('validateEvidenceInput', () => {
  describe('when the input is invalid', () => {
    it('throws an EvidenceError named EvidenceError whose message names each field to fix', () => {
      const error = errorOf(() => validateEvidenceInput(link({ title: '', url: 'javascript:alert(1)' })));
      expect(error).toMatchObject({ name: 'EvidenceError', kind: 'invalid' });
      expect(error.message).toBe(
        'Evidence is not valid; fix and try again: title: required: give the evidence a short title; url: must be an https:// or http:// link, not javascript:',
      );
      expect(error.problems).toHaveLength(2);
    });
  });
});

describe('urlProblem', () => {
  describe('when the url is fine', () => {
    it.each(['https://x.example', 'http://localhost:8080/wiki?page=1#top', 'https://x.example/a%20b'])('returns undefined for %s', (url) => {
      expect(urlProblem(url)).toBeUndefined();
    });
  });
});

describe('validateEvidencePatch', () => {
  describe('when the patch is valid', () => {
    it('returns the changed fields, with null for fields to clear', () => {
      expect(validateEvidencePatch({ title: ' New ', note: null, owner: '', expiryDate: '2027-01-31' })).toEqual({
        title: 'New',
        note: null,
        owner: null,
        expiryDate: '2027-01-31',
      });
    });

    it('returns an empty patch for {}', () => {
      expect(validateEvidencePatch({})).toEqual({});
    });
  });

  describe('when the patch is invalid', () => {
    it.each<[string, unknown, string]>([
      ['not an object', 'title', 'Evidence edit is not valid; fix and try again: patch: must be an object of the fields to change'],
      ['an empty title', { title: '' }, 'Evidence edit is not valid; fix and try again: title: required: give the evidence a short title'],
      ['a null kind', { kind: null }, 'Evidence edit is not valid; fix and try again: kind: required: one of document, process, presentation, demo, link, attachment'],
      ['a javascript: url', { url: 'javascript:alert(1)' }, 'Evidence edit is not valid; fix and try again: url: must be an https:// or http:// link, not javascript:'],
      ['an app field', { reviewState: 'accepted' }, 'Evidence edit is not valid; fix and try again: reviewState: is set by the app, not by the request; leave it out'],
    ])('throws for %s', (_label, patch, message) => {
      expect(errorOf(() => validateEvidencePatch(patch)).message).toBe(message);
    });
  });
});

describe('mergeEvidencePatch', () => {
  const current: EvidenceInput = { kind: 'link', title: 'Policy', url: 'https://x.example/p', note: 'old' };

  describe('when the result is valid', () => {
    it('sets, keeps and clears fields', () => {
      expect(mergeEvidencePatch(current, { title: 'Policy v2', note: null })).toEqual({ kind: 'link', title: 'Policy v2', url: 'https://x.example/p' });
    });
  });

  describe('when the result breaks a rule across fields', () => {
    it('reports what the new kind needs', () => {
      expect(errorOf(() => mergeEvidencePatch(current, { kind: 'attachment' })).problems).toEqual([
        { field: 'attachmentId', message: 'required for an attachment: pick a file attached to this issue' },
        { field: 'url', message: 'is not used for an attachment; add a separate entry of kind link for a web address' },
      ]);
    });
  });
});

describe('evidenceInputSchema', () => {
  describe('when used on its own (frontend form checks)', () => {
    it('accepts a valid input and rejects unknown keys', () => {
      expect(evidenceInputSchema.safeParse(link()).success).toBe(true);
      expect(evidenceInputSchema.safeParse(link({ reviewState: 'accepted' })).success).toBe(false);
    });

    it('rejects a javascript: url with the same message', () => {
      const result = evidenceInputSchema.safeParse(link({ url: 'javascript:alert(1)' }));
      expect(result.success ? [] : result.error.issues.map((i) => i.message)).toEqual([HTTP_ONLY('javascript')]);
    });
  });
});
