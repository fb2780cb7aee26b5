/**
 * Saving a file from the Custom UI iframe: a Blob URL and a click on an `a[download]`. There is no
 * server URL to link to (the data comes through `invoke`), and Forge's Custom UI iframe is
 * sandboxed with `allow-downloads`, which lets a download start from a user's click.
 */

/** A Blob URL for `text`; revoke it with `URL.revokeObjectURL` once it is no longer offered. */
export function blobUrl(text: string, type = 'text/csv;charset=utf-8'): string {
  return URL.createObjectURL(new Blob([text], { type }));
}

/**
 * Starts the download of `url` as `fileName`. Called right after the click that asked for it; the
 * export may take a few seconds, so the view also keeps a real link to click should the browser
 * no longer count that click as the gesture behind the download.
 */
export function startDownload(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
  }
}
