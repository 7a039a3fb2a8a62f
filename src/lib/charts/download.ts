/**
 * Saving a file the app made (a chart picture, a table, a dashboard file): apart from
 * chart-export.ts so that the Download buttons, drawn on every chart, do not bring the
 * export code into the first view's JavaScript.
 */
/** Saves a blob as a file through a temporary link. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Let the download start before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
