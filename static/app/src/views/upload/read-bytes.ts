/**
 * A chosen file's bytes, for the checklist and crosswalk uploads (both read files in the browser):
 * File.arrayBuffer where the browser has it (all current ones), FileReader elsewhere.
 */
export function readBytes(file: File): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error(`${file.name} could not be read.`));
    reader.readAsArrayBuffer(file);
  });
}
