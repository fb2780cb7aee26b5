/** The Done gate's words in English: the shape every language follows. */
import { describeGateConfig, type DoneGateConfig } from '../../../../../common/gate-config';
import type { Fmt } from '../../i18n';

export const en = (f: Fmt) => {
  const n = f.n;
  return {
    /** The options in one sentence (the server's own wording, kept English). */
    describeConfig: (config: DoneGateConfig) => describeGateConfig(config),
    /** A confirmation's instant: minutes, in UTC. */
    when: (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`,
    // ConfirmGate
    confirmForm: 'Confirm the Done gate',
    addedWith: 'The validator was added with',
    mandatoryOnly: 'Mandatory items only',
    everyItem: 'Every item',
    naCounts: 'A justified N/A counts as done',
    saveOptions: 'Save the options',
    gateIsOn: 'The gate is on for our Done transition',
    gateRemoved: 'The gate was removed',
    // DoneBacklog
    backlogEmpty: 'Every item in Done has what the gate asks for.',
    backlogLabel: 'Done without evidence',
    backlogIntro: (count: number) =>
      `${n(count)} item${count === 1 ? ' is' : 's are'} in Done without what the gate asks for (moved there before the gate, or evidence lapsed since). The gate does not move them back: reopen them or add the evidence.`,
    mandatorySuffix: ' (mandatory)',
    hiddenItems: (count: number) => `${n(count)} more item${count === 1 ? '' : 's'} whose issue you cannot see.`,
    // GateStatus
    notConfirmed: 'Not confirmed yet',
    notConfirmedBody:
      'MSP Audit Ready cannot read this project’s workflow (Jira’s workflow API needs a permission the app does not ask for), so a project admin confirms once whether the gate is on.',
    off: 'Off',
    offBody: (by: string, at: string) => `${by} said on ${at} that the gate is not on the Done transition: items can reach Done without evidence.`,
    onTitle: 'On for this project’s workflow',
    confirmedBy: (by: string, at: string) => `Confirmed by ${by} on ${at}.`,
    doneGate: 'Done gate',
    sectionIntro:
      'With the workflow validator “Audit item: Done needs accepted evidence” on the Done transition, Jira refuses to move a checklist item to Done until it has accepted evidence in force, a waiver or a justified N/A, so boards and JQL count only evidenced items.',
    loading: 'Loading the Done gate',
    loadFailed: 'Could not load the Done gate',
    tryAgain: 'Try again',
    adminCanConfirm: 'A project admin of this project can confirm it here.',
    notSaved: 'Not saved',
    inDoneWithout: 'In Done without evidence',
    // GateSteps
    stepsLabel: 'How to add the Done gate',
    step1Before: 'In Jira, open ',
    step1Where: 'Project settings → Workflows',
    step1After: ' and edit the workflow of the audit items’ issue type (a company-managed project; Jira admin or project admin with workflow rights).',
    step2Before: 'Select the transition into ',
    step2Done: 'Done',
    step2Middle: ' (every transition into a status of the Done category), then ',
    step2Rules: 'Rules → Add rule → Validate details',
    step2Pick: ' and pick ',
    validatorName: '“Audit item: Done needs accepted evidence”',
    step3Before: 'Choose which items it covers (mandatory only, or every item) and whether a justified N/A counts, click ',
    step3Add: 'Add',
    step3Then: ', then ',
    step3Update: 'Update workflow',
    step3After: '. Come back here and confirm it below.',
    // GateConfigPage
    onlyInEditor: "This page works only in Jira's workflow editor",
    onlyInEditorBody: 'Open it from the validator “Audit item: Done needs accepted evidence” on a transition of the workflow.',
    loadingConfig: "Loading the validator's configuration",
    readFailed: "Could not read the validator's configuration",
    readFailedBody: 'Close this dialog and open it again from the workflow editor.',
    notValid: "This validator's configuration is not valid",
    notValidBody: 'Until it is fixed, the validator refuses every move of an audit item to Done. Edit the validator to fix it.',
    configLabel: 'Done gate configuration',
    ruleTitle: 'Audit item: Done needs accepted evidence',
    ruleIntro:
      'An MSP Audit Ready checklist item moves to a status of the Done category only with accepted evidence in force, a waiver or (if you allow it) a justified N/A. Other issues are not affected.',
    whichItems: 'Which items',
    mandatoryRecommended: 'Mandatory items only (recommended)',
    configJson: 'Configuration (JSON)',
    nothingSaved: 'Nothing was saved',
    cannotSave: 'This configuration cannot be saved',
    fixJson: 'Fix the JSON above, or pick the options again.',
    cannotConnect: 'Jira could not connect this page to its Add/Update button',
    closeAndReopen: 'Close the dialog and open it again.',
  };
};

export type GateMessages = ReturnType<typeof en>;
