import { prerequisitesFor } from '../../../src/domain/prerequisites';

describe('prerequisitesFor', () => {
  it.each<[string, string[]]>([
    ['aws-msp', ['aws-tier', 'aws-case-studies', 'aws-partner-central', 'aws-spp-reporting', 'aws-self-assessment']],
    ['aws-msp-team', ['aws-tier', 'aws-case-studies', 'aws-partner-central', 'aws-spp-reporting', 'aws-self-assessment']],
    ['mspalliance-ucs', ['ucs-examiner', 'ucs-review-period']],
    ['team-iso', []],
    ['aws-mspx', []],
  ])('returns for framework %s the conditions %j', (framework, ids) => {
    expect(prerequisitesFor({ framework }).map((condition) => condition.id)).toEqual(ids);
  });

  it('words every AWS condition as a sentence the team can tick', () => {
    for (const condition of prerequisitesFor({ framework: 'aws-msp' })) expect(condition.text).toMatch(/^[A-Z].*\.$/);
  });
});
