/** How a Jira admin adds the Done gate to the Done transition, in three steps. Static. */
export function GateSteps() {
  return (
    <ol aria-label="How to add the Done gate" style={{ margin: 0, paddingLeft: 20 }}>
      <li>
        In Jira, open <strong>Project settings → Workflows</strong> and edit the workflow of the audit items’ issue type (a company-managed
        project; Jira admin or project admin with workflow rights).
      </li>
      <li>
        Select the transition into <strong>Done</strong> (every transition into a status of the Done category), then{' '}
        <strong>Rules → Add rule → Validate details</strong> and pick <strong>“Audit item: Done needs accepted evidence”</strong>.
      </li>
      <li>
        Choose which items it covers (mandatory only, or every item) and whether a justified N/A counts, click <strong>Add</strong>, then{' '}
        <strong>Update workflow</strong>. Come back here and confirm it below.
      </li>
    </ol>
  );
}
