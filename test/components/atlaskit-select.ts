/**
 * Picks an option of an Atlaskit Select (react-select) the way a keyboard user does: focus the
 * combobox found by its label, open the menu with ArrowDown, choose the option by its name.
 */
import { fireEvent, screen, within } from '@testing-library/react';

type Scope = Pick<typeof screen, 'getByLabelText'>;

export function openSelect(scope: Scope, label: string): HTMLElement {
  const input = scope.getByLabelText(label);
  fireEvent.focus(input);
  fireEvent.keyDown(input, { key: 'ArrowDown', keyCode: 40 });
  return input;
}

export function chooseOption(scope: Scope, label: string, option: string): void {
  openSelect(scope, label);
  fireEvent.click(within(document.body).getByRole('option', { name: option }));
}

/** Types a date into an Atlaskit DatePicker found by its label and commits it with Enter, as a person does. */
export function typeDate(scope: Scope, label: string, date: string): void {
  const input = scope.getByLabelText(label);
  fireEvent.focus(input);
  fireEvent.input(input, { target: { value: date } });
  fireEvent.keyDown(input, { key: 'Enter', keyCode: 13 });
}

/** Empties an Atlaskit DatePicker found by its label with the keyboard (Backspace in its empty input). */
export function clearDate(scope: Scope, label: string): void {
  const input = scope.getByLabelText(label);
  fireEvent.focus(input);
  fireEvent.keyDown(input, { key: 'Backspace', keyCode: 8 });
}
