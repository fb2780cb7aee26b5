/** The JQL the app builds from a project key and checklist ids quotes every value it interpolates. */
import { activeItemsJql, chapterItemsJql } from '../../../src/jira/identity';

describe('JQL from identities', () => {
  it('quotes the project key in the chapter link as in the app searches', () => {
    expect(chapterItemsJql('MSP', 'aws-msp-4.x', '1')).toBe('project = "MSP" AND auditChecklist = "aws-msp-4.x" AND auditChapter = "1" AND auditItemState = "active"');
    expect(activeItemsJql('MSP', 'aws-msp-4.x')).toMatch(/^project = "MSP" AND /);
  });

  it('keeps a hostile key inside its string', () => {
    expect(chapterItemsJql('X OR project = Y', 'c', '1')).toMatch(/^project = "X OR project = Y" AND /);
  });
});
