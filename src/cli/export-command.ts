// `masterplan export [DIR] --format xlsx|json [--out FILE]`: the masterplan as data — the
// coordinator's workbook, or JSON in the shape of schemas/export.schema.json. Reports like
// status and trace: exit 0 even with validation errors (a note on stderr says the data may be
// incomplete); 2 when it cannot run or cannot write.

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { exportData } from '../export/data.js';
import type { ExportFormat } from '../export/formats.js';
import { workbookSheets } from '../export/workbook.js';
import { fixZipTimes } from '../export/zip-times.js';
import type { Lang } from '../model/types.js';
import { traceability } from '../model/traceability.js';
import { checkProject } from '../pipeline.js';
import { UsageError, type Io } from './context.js';
import { resolveDir } from './resolve-dir.js';

export interface ExportCommandOptions {
  format: ExportFormat;
  out?: string;
  lang?: Lang;
}

export const DEFAULT_XLSX = 'masterplan.xlsx';

export async function runExport(io: Io, dir: string | undefined, opts: ExportCommandOptions): Promise<number> {
  const root = resolveDir(dir, opts.lang, io.cwd);
  const checked = checkProject(root, { lang: opts.lang });
  const loc = checked.locale;
  const data = exportData(checked.model, traceability(checked.model), checked.diagnostics);
  const write = (file: string, bytes: string | Uint8Array) => {
    try {
      writeFileSync(file, bytes);
    } catch (e) {
      throw new UsageError(loc.export.writeFailed(file, e instanceof Error ? e.message : String(e)));
    }
  };

  if (opts.format === 'json') {
    const text = JSON.stringify(data, null, 2) + '\n';
    if (opts.out === undefined || opts.out === '-') io.out(text);
    else write(resolve(io.cwd, opts.out), text);
  } else {
    const sheets = workbookSheets(data, loc);
    const bytes = fixZipTimes(await writeXlsxFile(sheets).toBuffer());
    const file = resolve(io.cwd, opts.out ?? DEFAULT_XLSX);
    write(file, bytes);
    io.err(`${loc.export.written(opts.out ?? DEFAULT_XLSX, sheets.length)}\n`);
  }
  if (data.problems.errors) io.err(`${loc.workflow.hasErrors(data.problems.errors)}\n`);
  return 0;
}
