// Hands a file made in the browser to the browser's download (the one place that does this).

/** Starts the download of `blob` as `fileName`; the object URL is released once the download has started. */
export function downloadFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
