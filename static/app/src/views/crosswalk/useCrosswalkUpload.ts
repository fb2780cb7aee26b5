/**
 * The crosswalk upload's state: the file read in the browser into rows (common/crosswalk.ts), the
 * server's preview of them (every row's problems, counts, the crosswalk it would replace), and the
 * save, which names the revision the preview showed so it never overwrites a crosswalk someone
 * saved in between. A later file always wins over a slower earlier one.
 */
import { useRef, useState } from 'react';
import { CrosswalkFileError, readCrosswalkText, type CrosswalkPreview, type CrosswalkRowPayload, type SaveCrosswalkResult } from '../../../../../common/crosswalk';
import type { CrosswalkApi } from '../../api/crosswalk-api';
import { errorMessage } from '../../api/errors';
import { useAction } from '../../hooks/useAction';

/** A crosswalk of 20,000 rows is about 2 MB as CSV. */
export const MAX_CROSSWALK_FILE_BYTES = 5 * 1024 * 1024;
export const CROSSWALK_ACCEPT = '.csv,.txt,.yaml,.yml,.json';

export type CrosswalkRead =
  | { status: 'none' }
  | { status: 'reading'; fileName: string }
  | { status: 'error'; fileName: string; message: string }
  | { status: 'ready'; fileName: string; rows: CrosswalkRowPayload[]; preview: CrosswalkPreview; csv: boolean };

export function useCrosswalkUpload(api: CrosswalkApi) {
  const [read, setRead] = useState<CrosswalkRead>({ status: 'none' });
  const generation = useRef(0);
  const save = useAction((rows: CrosswalkRowPayload[], fileName: string, basedOn: string | null): Promise<SaveCrosswalkResult> => api.saveCrosswalk(rows, fileName, basedOn));

  const chooseFile = (file: File | undefined) => {
    const mine = ++generation.current;
    save.clearError();
    if (!file) return setRead({ status: 'none' });
    const fileName = file.name;
    if (file.size > MAX_CROSSWALK_FILE_BYTES) {
      return setRead({ status: 'error', fileName, message: `${fileName} is ${(file.size / 1024 / 1024).toFixed(1)} MB; a crosswalk file may be at most 5 MB (about 20,000 rows). Split it or drop columns other than the six the crosswalk reads.` });
    }
    setRead({ status: 'reading', fileName });
    void (async () => {
      try {
        const text = await readText(file);
        const rows = readCrosswalkText(text, fileName);
        const preview = await api.previewCrosswalk(rows);
        if (mine === generation.current) setRead({ status: 'ready', fileName, rows, preview, csv: !/\.(ya?ml|json)$/i.test(fileName) });
      } catch (error) {
        if (mine !== generation.current) return;
        setRead({ status: 'error', fileName, message: error instanceof CrosswalkFileError ? error.message : errorMessage(error) });
      }
    })();
  };

  const submit = () => {
    if (read.status !== 'ready' || read.preview.problems.length > 0 || read.preview.moreProblems > 0) return;
    void save.run(read.rows, read.fileName, read.preview.current?.revision ?? null);
  };

  return { read, save, chooseFile, submit };
}

/** File.text where the browser has it (all current ones), FileReader elsewhere. */
function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error(`${file.name} could not be read.`));
    reader.readAsText(file);
  });
}
