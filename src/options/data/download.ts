// Saves a Blob as a file the way a web page does: a temporary object URL on a link with `download`.
// No downloads permission is needed, and nothing leaves the device.
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; revoking later leaves the browser time to read the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `trust-notes-people-2025-01-31.csv` and the like, dated by the local calendar day. */
export function datedFileName(prefix: string, extension: string, now = new Date()): string {
  const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
    .map((n) => String(n).padStart(2, '0'))
    .join('-');
  return `${prefix}-${day}.${extension}`;
}
