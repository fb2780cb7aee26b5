/** listProjectChecklists: the checklists a project holds, for the Audit page's checklist switcher. */
import type { ImportStatus, Rollup } from '../../common/contract';
import type { ProjectChecklist } from '../../common/project-checklists';
import { startHarness, type Harness } from './harness';

describe('listProjectChecklists', () => {
  let h: Harness;
  beforeEach(() => {
    h = startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('is empty before any import', async () => {
    await expect(h.invoke<ProjectChecklist[]>('listProjectChecklists', {})).resolves.toEqual([]);
  });

  it('lists every checklist imported into the project, with name and version, marking the last one', async () => {
    expect((await h.importChecklist('aws-msp-7.1')).state).toBe<ImportStatus['state']>('done');
    expect((await h.importChecklist('mspalliance-ucs-23')).state).toBe('done');

    const listed = await h.invoke<ProjectChecklist[]>('listProjectChecklists', {});
    expect(listed).toEqual([
      { id: 'aws-msp-7.1', name: 'AWS MSP Validation Checklist', version: '7.1', last: false },
      { id: 'mspalliance-ucs-23', name: 'MSPAlliance Unified Certification Standard (UCS)', version: '23', last: true },
    ]);
    // Each one listed can be scored by name.
    for (const checklist of listed) {
      const rollup = await h.invoke<Rollup>('getRollup', { checklistId: checklist.id });
      expect(rollup.checklistId).toBe(checklist.id);
    }
  });

  it('answers a viewer (Browse projects is enough) and refuses someone who cannot browse the project', async () => {
    await h.importChecklist('aws-msp-7.1');
    await expect(h.invoke<ProjectChecklist[]>('listProjectChecklists', {}, { accountId: 'viewer' })).resolves.toEqual([
      { id: 'aws-msp-7.1', name: 'AWS MSP Validation Checklist', version: '7.1', last: true },
    ]);
    await expect(h.invoke('listProjectChecklists', {}, { accountId: 'outsider' })).rejects.toThrow(
      // Jira answers a project the user cannot browse as not found, like real Jira does.
      /Browse projects permission in project MSP|No project could be found with key 'MSP'/,
    );
  });

  it('keeps projects apart and refuses a payload it does not take', async () => {
    await h.importChecklist('aws-msp-7.1');
    await expect(h.invoke('listProjectChecklists', { projectKey: 'OTHER' })).resolves.toHaveLength(1);
    await expect(h.invoke('listProjectChecklists', {}, { projectKey: 'NOPE' })).rejects.toThrow();
  });
});
