/**
 * Whether a stored link may become an `href`. The server only stores http(s) links, but a value
 * written around the app reaches the views too, so they check again: anything but an absolute
 * http(s) URL (a `javascript:` or `data:` link, one hiding control characters) is shown as text.
 */
const HIDDEN = /[\s\p{Cc}\p{Cf}]/u;

export function safeHref(url: unknown): string | undefined {
  if (typeof url !== 'string' || url === '' || HIDDEN.test(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.hostname === '') return undefined;
  return parsed.href;
}
