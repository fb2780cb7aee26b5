/**
 * The dashboard gadget's resolver through the real app: a dashboard has no project, so the project
 * and checklist come from the gadget's configuration and are checked as the viewer on the server.
 */
import type { Rollup } from '../../common/contract';
import type { GadgetView } from '../../common/contract-findings';
import { startHarness, type Harness } from './harness';

const CHECKLIST = 'aws-msp-7.1';
const DAY_MS = 86_400_000;
const day = (offset: number): string => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

describe('dashboard gadget', () => {
  let h: Harness;
  const gadget = (payload: unknown, accountId = 'admin') => h.runtime.invoke({ functionKey: 'getGadget', payload, context: { moduleKey: 'audit-gadget', accountId } }) as Promise<GadgetView>;

  beforeAll(async () => {
    h = startHarness();
    h.emulator.addProject({ key: 'EMPTY' });
    expect((await h.importChecklist(CHECKLIST)).state).toBe('done');
    await h.invoke('setAuditPlan', { validationDate: day(45) });
  });
  afterAll(async () => {
    await h.close();
  });

  it('shows the configured project and checklist: score against the pass mark, days to the audit, open mandatory items', async () => {
    const view = await gadget({ projectKey: 'MSP', checklistId: CHECKLIST });
    const rollup = await h.invoke<Rollup>('getRollup', { checklistId: CHECKLIST });
    expect(view).toMatchObject({
      projectKey: 'MSP',
      checklistId: CHECKLIST,
      model: 'met',
      score: rollup.score,
      maxScore: rollup.maxScore,
      passMark: null,
      passing: false,
      openMandatory: rollup.mandatoryOpen.length,
      daysToAudit: 45,
      validationDate: day(45),
      openFindings: 0,
      auditPageModuleKey: 'audit-page',
    });
    expect(view.openMandatory).toBeGreaterThan(0);
    expect(view.verdict).toBe(`Would not pass today: ${view.openMandatory} mandatory items open`);
    expect(view.checklists).toEqual([{ id: CHECKLIST, name: 'AWS MSP Validation Checklist', version: '7.1' }]);
    // Without a checklist in the configuration: the one the project imported last; a viewer may see it.
    await expect(gadget({ projectKey: 'msp' }, 'viewer')).resolves.toMatchObject({ projectKey: 'MSP', checklistId: CHECKLIST });
  });

  it('refuses a viewer who may not browse the project', async () => {
    await expect(gadget({ projectKey: 'MSP' }, 'outsider')).rejects.toThrow("No project MSP that you can see: check the key, or choose another project in the gadget's settings.");
    h.emulator.setProjectPermissions('editor', 'MSP', []);
    try {
      await expect(gadget({ projectKey: 'MSP' }, 'editor')).rejects.toThrow('No project MSP that you can see');
    } finally {
      h.emulator.setProjectPermissions('editor', 'MSP', null);
    }
  });

  it('refuses a configuration that names no usable project or checklist, with a message that says what to choose', async () => {
    await expect(gadget({ projectKey: 'NOPE' })).rejects.toThrow('No project NOPE that you can see');
    await expect(gadget({ projectKey: 'not a key' })).rejects.toThrow('"not a key" is not a Jira project key (e.g. MSP)');
    await expect(gadget({ projectKey: 'MSP', checklistId: 'aws-msp-4.x' })).rejects.toThrow(
      'Checklist "aws-msp-4.x" is not imported in project MSP: choose one of AWS MSP Validation Checklist 7.1 in the gadget\'s settings.',
    );
    await expect(gadget({ projectKey: 'EMPTY' })).rejects.toThrow('Project EMPTY has no audit checklist yet: import one from its Audit page');
    await expect(gadget({})).rejects.toThrow('getGadget was called with an invalid payload (projectKey:');
  });
});
