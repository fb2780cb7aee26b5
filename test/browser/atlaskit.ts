/**
 * Driving Atlaskit controls in the browser tests as a person does: a Select is a combobox that
 * opens a listbox of options (no native <select>, so no selectOption).
 */
import type { Frame, Locator } from 'playwright-core';

/** Opens the Select labelled `label` and picks the option whose name is exactly `option`. */
export async function pickOption(frame: Frame | Locator, label: string, option: string): Promise<void> {
  await frame.getByRole('combobox', { name: label }).click();
  await frame.getByRole('option', { name: option, exact: true }).click();
}

/** Whether the option `option` of the Select labelled `label` can be picked (the menu is closed again after). */
export async function optionEnabled(frame: Frame, label: string, option: string): Promise<boolean> {
  const box = frame.getByRole('combobox', { name: label });
  await box.click();
  const disabled = await frame.getByRole('option', { name: option, exact: true }).getAttribute('aria-disabled');
  await box.press('Escape');
  return disabled !== 'true';
}

/** Types a date into an Atlaskit DatePicker and commits it with Enter, as a person does. */
export async function fillDate(field: Locator, date: string): Promise<void> {
  await field.fill(date);
  await field.press('Enter');
}
