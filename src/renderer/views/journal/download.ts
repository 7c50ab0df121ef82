import type { JournalExport } from '../../../shared/workflows';

/** Saves an exported journal through the browser's download, in Electron and browser mode alike. */
export function downloadExport(file: JournalExport): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
