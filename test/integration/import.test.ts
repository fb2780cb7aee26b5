/** Import through the real app, the local Forge runtime and the Jira emulator. */
import { builtinChecklists } from '../../src/checklists';
import { itemIdsOf, startHarness, type Harness } from './harness';

describe('import', () => {
  let h: Harness;
  beforeEach(() => {
    h = startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  describe.each(builtinChecklists().map((def) => [def.id, def] as const))('when importing %s', (_id, def) => {
    it('creates exactly one issue per item within the call budget', async () => {
      const status = await h.importChecklist(def.id);
      expect(status).toMatchObject({ state: 'done', total: def.items.length, created: def.items.length, existing: 0, failed: 0 });
      const ids = itemIdsOf(await h.issues(), def.id);
      expect(ids.sort()).toEqual(def.items.map((item) => item.id).sort());
      const chapters = new Set(def.items.map((item) => item.chapterId)).size;
      const budget = Math.ceil(def.items.length / 50) + Math.ceil(chapters / 50) + 10;
      expect(h.appRequests().length).toBeLessThanOrEqual(budget);
    });
  });
});
