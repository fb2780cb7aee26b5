/** Storage keys: stable, prefix-safe, and closed to values that could reach another record. */
import * as keys from '../../../src/storage/keys';

describe('storage keys', () => {
  it.each([
    [keys.importJobKey('0b9d-1'), 'import-job:0b9d-1'],
    [keys.activeImportKey('MSP', 'aws-msp-7.1'), 'import-active:MSP:aws-msp-7.1'],
    [keys.importCreatedKey('job-1', 7), 'import-created:job-1:000007'],
    [keys.importCreatedPrefix('job-1'), 'import-created:job-1:'],
    [keys.frameworkWriteLockKey('MSP', 'aws-msp'), 'framework-lock:MSP:aws-msp'],
    [keys.syncCreatedKey('MSP', 'aws-msp-7.1', 'mhx3k2a1-0b9d'), 'sync-created:MSP:aws-msp-7.1:mhx3k2a1-0b9d'],
    [keys.syncCreatedPrefix('MSP', 'aws-msp-7.1'), 'sync-created:MSP:aws-msp-7.1:'],
    [keys.lastChecklistKey('MSP'), 'project-last-checklist:MSP'],
    [keys.projectChecklistsKey('MSP'), 'project-checklists:MSP'],
    [keys.rollupCacheKey('MSP', 'aws-msp-4.x'), 'rollup:MSP:aws-msp-4.x'],
    [keys.rollupDirtyKey('MSP'), 'rollup-dirty:MSP'],
    [keys.rollupChunkKey('MSP', 'aws-msp-4.x', 'mhx3k2a1-0b9d1c2e', 3), 'rollup-chunk:MSP:aws-msp-4.x:mhx3k2a1-0b9d1c2e:0003'],
    [keys.customChecklistKey('team-1.0'), 'custom-checklist:team-1.0'],
    [keys.customChecklistItemsKey('team-1.0', 2), 'custom-checklist-items:team-1.0:0002'],
    [keys.customChecklistLockKey('team-1.0'), 'custom-checklist-lock:team-1.0'],
    [keys.activeImportPrefix(), 'import-active:'],
    [keys.projectChecklistsPrefix(), 'project-checklists:'],
    [keys.chapterReviewsKey('MSP', 'aws-msp-7.1'), 'audit-reviews:MSP:aws-msp-7.1'],
    [keys.waiversKey('MSP', 'aws-msp-7.1'), 'audit-waivers:MSP:aws-msp-7.1'],
    [keys.waiversLockKey('MSP', 'aws-msp-7.1'), 'audit-waivers-lock:MSP:aws-msp-7.1'],
    [keys.prerequisitesKey('MSP', 'aws-msp-7.1'), 'audit-prerequisites:MSP:aws-msp-7.1'],
    [keys.prerequisitesLockKey('MSP', 'aws-msp-7.1'), 'audit-prerequisites-lock:MSP:aws-msp-7.1'],
    [keys.scoreHistoryKey('MSP', 'aws-msp-7.1'), 'score-history:MSP:aws-msp-7.1'],
    [keys.projectSettingsKey('MSP'), 'project-settings:MSP'],
    [keys.appFieldIdKey('audit-evidence'), 'app-field:audit-evidence'],
    [keys.dailyRunCursorKey(), 'score-history-cursor'],
  ])('builds %s', (actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('keeps custom checklist items out of the header prefix', () => {
    expect(keys.customChecklistItemsKey('a', 0).startsWith(keys.customChecklistPrefix())).toBe(false);
    expect(keys.customChecklistLockKey('a').startsWith(keys.customChecklistPrefix())).toBe(false);
    expect(keys.activeImportKey('MSP', 'a').startsWith(keys.activeImportPrefix())).toBe(true);
    expect(keys.customChecklistKey('a').startsWith(keys.customChecklistPrefix())).toBe(true);
  });

  it('lists every project checklist index under one prefix, and nothing else there', () => {
    expect(keys.projectChecklistsKey('MSP').startsWith(keys.projectChecklistsPrefix())).toBe(true);
    expect(keys.lastChecklistKey('MSP').startsWith(keys.projectChecklistsPrefix())).toBe(false);
  });

  it('keeps rollup chunks out of the rollup header prefix, and orders them by chunk', () => {
    expect(keys.rollupChunkKey('MSP', 'c', 'g', 0).startsWith(`${keys.rollupCacheKey('MSP', 'c')}:`)).toBe(false);
    expect(keys.rollupChunkKey('MSP', 'c', 'g', 0).startsWith('rollup:')).toBe(false);
    expect([keys.rollupChunkKey('MSP', 'c', 'g', 10), keys.rollupChunkKey('MSP', 'c', 'g', 9)].sort()).toEqual([
      keys.rollupChunkKey('MSP', 'c', 'g', 9),
      keys.rollupChunkKey('MSP', 'c', 'g', 10),
    ]);
  });

  it('orders created checkpoints by chunk', () => {
    expect([keys.importCreatedKey('j', 10), keys.importCreatedKey('j', 9)].sort()).toEqual([keys.importCreatedKey('j', 9), keys.importCreatedKey('j', 10)]);
  });

  describe('when a part is not a plain id', () => {
    it.each([
      ['a separator', () => keys.rollupCacheKey('MSP', 'a:b')],
      ['a space', () => keys.importJobKey('a b')],
      ['an empty part', () => keys.lastChecklistKey('')],
      ['a negative chunk', () => keys.importCreatedKey('j', -1)],
      ['a fractional chunk', () => keys.customChecklistItemsKey('c', 1.5)],
      ['a separator in a history checklist id', () => keys.scoreHistoryKey('MSP', 'a:b')],
      ['a space in a waivers project key', () => keys.waiversKey('M SP', 'c')],
      ['a colon in a prerequisites checklist id', () => keys.prerequisitesKey('MSP', 'a:b')],
      ['a separator in a project key', () => keys.projectSettingsKey('MSP:other')],
      ['a space in a module key', () => keys.appFieldIdKey('audit evidence')],
      ['a separator in a rollup generation', () => keys.rollupChunkKey('MSP', 'c', 'g:1', 0)],
      ['a negative rollup chunk', () => keys.rollupChunkKey('MSP', 'c', 'g', -1)],
      ['a fractional rollup chunk', () => keys.rollupChunkKey('MSP', 'c', 'g', 0.5)],
    ])('throws a StorageKeyError for %s', (_case, build) => {
      expect(build).toThrow(keys.StorageKeyError);
    });

    it('refuses keys beyond Forge length limit', () => {
      expect(() => keys.rollupCacheKey('MSP', 'x'.repeat(600))).toThrow(/500/);
    });
  });
});
