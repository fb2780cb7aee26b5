/**
 * Light and dark theme from the host. `view.theme.enable()` asks Forge to load Atlassian's token
 * CSS and follow the user's theme; setGlobalTheme is applied as well with the context's colour mode
 * because a host that does not implement theming (the local runtime, an older Jira) would otherwise
 * leave the tokens without values. It is imported lazily: it costs ~35 KB gzipped.
 */
import { view } from '@forge/bridge';

export type ColorMode = 'light' | 'dark' | 'auto';

export function toColorMode(value: unknown): ColorMode {
  return value === 'light' || value === 'dark' ? value : 'auto';
}

export async function applyTheme(colorMode: unknown): Promise<void> {
  await view.theme.enable().catch((error: unknown) => console.warn('Host theming unavailable', error));
  const { setGlobalTheme } = await import('@atlaskit/tokens/set-global-theme');
  await setGlobalTheme({ colorMode: toColorMode(colorMode), light: 'light', dark: 'dark' });
}
