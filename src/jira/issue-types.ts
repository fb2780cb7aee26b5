/** Choosing the issue types the app creates, from what the project offers. */
import type { JiraIssueTypeMeta } from './schemas';

export interface ChosenIssueTypes {
  /** The standard type for items: Task, else the first standard (level 0, not sub-task) type. */
  item: JiraIssueTypeMeta | undefined;
  /** The Epic-level (hierarchy level 1) type for chapters, if the project has one. */
  epic: JiraIssueTypeMeta | undefined;
}

/**
 * @example
 * chooseIssueTypes([{ id: '1', name: 'Epic', hierarchyLevel: 1 }, { id: '2', name: 'Story', hierarchyLevel: 0 }]);
 * // → { item: Story, epic: Epic }
 */
export function chooseIssueTypes(types: readonly JiraIssueTypeMeta[]): ChosenIssueTypes {
  const standard = types.filter((type) => type.subtask !== true && (type.hierarchyLevel ?? 0) === 0);
  return {
    item: standard.find((type) => type.name.toLowerCase() === 'task') ?? standard[0],
    epic: types.find((type) => type.subtask !== true && type.hierarchyLevel === 1),
  };
}
