/** The evidence views' words in English (item panel editor, evidence field, risk pills): the shape every language follows. */
import type { Fmt } from '../../i18n';

export const en = (f: Fmt) => {
  const n = f.n;
  return {
    kinds: { link: 'Link', document: 'Document', presentation: 'Presentation', process: 'Process description', demo: 'Technical demonstration', attachment: 'Attachment' },
    review: { pending: 'Pending review', accepted: 'Accepted', rejected: 'Rejected' },
    risks: {
      'met-without-evidence': 'No evidence',
      'only-rejected-evidence': 'Only rejected evidence',
      'evidence-expired': 'Expired',
      'evidence-expiring': 'Expiring soon',
      'evidence-expires-before-audit': 'Expires before the audit',
      'waiver-expiring': 'Waiver lapsing',
      'waiver-lapsed': 'Waiver lapsed',
      'waiver-no-proof': 'Waiver without proof',
    },
    assessment: { met: 'Met', not_met: 'Not met', na: 'N/A' },
    complexity: { low: 'Low', medium: 'Medium', high: 'High' },
    validFromUntil: (from: string, until: string) => `valid from ${f.date(from)} until ${f.date(until)}`,
    validUntil: (until: string) => `valid until ${f.date(until)}`,
    validFrom: (from: string) => `valid from ${f.date(from)}`,
    // EvidenceList
    expired: 'Expired',
    expiresToday: 'Expires today',
    expiresTomorrow: 'Expires tomorrow',
    expiresIn: (days: number) => `Expires in ${n(days)} days`,
    evidence: 'Evidence',
    noEvidence: 'No evidence yet.',
    linkNotOpened: (url: string) => `Link not opened (not an http or https address): ${url}`,
    attachmentOnIssue: (id: string) => `Attachment ${id} on this issue`,
    owner: (name: string) => `owner ${name}`,
    reviewedBy: (state: string, name: string) => `${state} by ${name}`,
    selfReview: ' (self-review)',
    // EvidenceEditorView
    saveChanges: 'Save changes',
    removeQuestion: (title: string) => `Remove “${title}”?`,
    remove: 'Remove',
    keepIt: 'Keep it',
    edit: 'Edit',
    reviewAction: 'Review',
    actionOn: (verb: string, title: string) => `${verb} ${title}`,
    fieldMissing: 'The Audit evidence field is not installed',
    fieldMissingBody: 'Evidence cannot be saved until a Jira admin reinstalls or updates MSP Audit Ready.',
    ignoredTitle: 'Some stored evidence breaks the rules and is not counted',
    ignoredBody: 'It was written outside the app. The next change saved here removes it.',
    auditorWouldAsk: 'An auditor would ask about this',
    notSaved: 'The change was not saved',
    saveEvidence: 'Save evidence',
    addEvidence: 'Add evidence',
    readOnly: (issueKey: string) => `You can see this evidence but not change it: that needs the Edit issues permission on ${issueKey}.`,
    // EvidenceForm
    kind: 'Kind',
    title: 'Title',
    attachmentId: 'Attachment id (a file attached to this issue)',
    link: 'Link (https://…)',
    effectiveDate: 'Effective date',
    expiryDate: 'Expiry date',
    ownerField: 'Owner (Atlassian account id, optional)',
    note: 'Note (where the auditor finds it, optional)',
    cancel: 'Cancel',
    // ReviewBox
    reviewOf: (title: string) => `Review ${title}`,
    reviewNote: 'Review note (optional; say what to fix when rejecting)',
    fourEyesOwn: 'Four eyes: you added this evidence, so someone else accepts or rejects it.',
    accept: 'Accept',
    reject: 'Reject',
    reopen: 'Reopen',
    // EvidenceField
    loadingEvidence: 'Loading the evidence',
    fieldReadFailed: 'Could not read the evidence field',
    skipped: (count: number) => `${n(count)} stored entries could not be read and are not shown.`,
    editInPanel: 'Add, change and review evidence in the Audit item panel of this issue.',
    // EvidenceForm's checks
    giveTitle: 'Give the evidence a title, e.g. the document’s name.',
    expiryBeforeEffective: 'The expiry date is before the effective date: correct one of them.',
  };
};

export type EvidenceMessages = ReturnType<typeof en>;
