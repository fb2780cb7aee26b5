/**
 * Picks an option of an Atlaskit Select (react-select) the way a keyboard user does: focus the
 * combobox found by its label, open the menu with ArrowDown, choose the option by its name.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';

type Scope = Pick<typeof screen, 'getByLabelText'>;

/** The app's DateField loads its picker lazily, behind a disabled field: wait for the picker itself. */
export async function datePicker(scope: Scope, label: string): Promise<HTMLElement> {
  await waitFor(() => expect(scope.getByLabelText(label)).toHaveAttribute('role', 'combobox'));
  return scope.getByLabelText(label);
}

/** Types a date into the app's (lazily loaded) DateField and commits it with Enter. */
export async function typeLazyDate(scope: Scope, label: string, date: string): Promise<void> {
  await datePicker(scope, label);
  typeDate(scope, label, date);
}

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
export async function clearDate(scope: Scope, label: string): Promise<void> {
  const input = await datePicker(scope, label);
  fireEvent.focus(input);
  fireEvent.keyDown(input, { key: 'Backspace', keyCode: 8 });
}
