/** An issue a bulk create made: its id and key (what the item map records). */
export interface CreatedIssue {
  id: string;
  key: string;
}
