/**
 * Why a file could not be read at all (as opposed to a readable file with bad rows, which the
 * builder lists as problems). The code lets the UI pick an icon or a help link; the message is
 * written for the person who chose the file and says what to do next.
 */
export type SheetReadErrorCode =
  | 'too-large'
  | 'empty'
  | 'unsupported-type'
  | 'binary-text'
  | 'bad-encoding'
  | 'bad-csv'
  | 'not-xlsx'
  | 'unreadable-xlsx'
  | 'invalid-yaml'
  | 'invalid-json'
  | 'not-a-definition'
  | 'too-many-items';

export class SheetReadError extends Error {
  override readonly name = 'SheetReadError';

  constructor(
    readonly code: SheetReadErrorCode,
    readonly fileName: string,
    message: string,
  ) {
    super(`${fileName}: ${message}`);
  }
}
