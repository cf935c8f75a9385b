import { ImportError, type ImportSource } from '../../domain/import/model.ts';

export interface CstateReadOptions {
  timezone: string;
  map: readonly string[];
}

/** A cState site folder, read into the importers' neutral shape. */
export function readCstateSource(from: string | undefined, options: CstateReadOptions): Promise<ImportSource> {
  return Promise.reject(
    new ImportError(
      from ?? 'cstate',
      'the source',
      `cannot be read yet (time zone ${options.timezone}).`,
      'Import from Statuspage for now.',
      'ImportUsage',
    ),
  );
}
