// The command line: parses arguments and hands over to one command module each.
// Exit codes: 0 clean, 1 problems found, 2 the command itself could not run.

import { Argument, Command, CommanderError, Option } from 'commander';
import { locale, isLang } from '../i18n/index.js';
import { REPORT_FORMATS } from '../report/formats.js';
import { processIo, UsageError, type Io } from './context.js';
import { runValidate } from './validate-command.js';
import { runInit } from './init-command.js';
import { runSchema } from './schema-command.js';
import { runStatus } from './status-command.js';
import { runTrace } from './trace-command.js';
import { SCHEMA_NAMES, type SchemaName } from '../schemas/package-schemas.js';
import { STATUS_FORMATS, type StatusFormat } from '../report/status-formats.js';
import { TRACE_FORMATS, TRACE_TABLES, type TraceFormat, type TraceTable } from '../report/trace-formats.js';
import { CSV_DELIMITERS, type CsvDelimiter } from '../report/csv.js';

import { VERSION } from '../build-info.js';

function program(io: Io, setExit: (code: number) => void): Command {
  const cmd = new Command('masterplan')
    .description('Compile Smart City masterplan worksheets into checked, linked books (HTML and PDF).')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });

  const lang = () => new Option('--lang <lang>', 'language of messages (default: masterplan.yaml `language`, else id)').choices(['id', 'en']);
  const format = () => new Option('--format <format>', 'output format').choices([...REPORT_FORMATS]).default('text');

  cmd
    .command('validate')
    .description('check worksheets against the format and every link; report problems at file:line:column')
    .argument('[paths...]', 'DIR (masterplan folder, default: found upward from here) then FILES to report on')
    .addOption(format())
    .option('--strict', 'warnings fail too (exit 1)', false)
    .option('-q, --quiet', 'print errors only, no warnings or summary', false)
    .addOption(lang())
    .action((paths: string[], o: { format: 'text' | 'json' | 'github'; strict: boolean; quiet: boolean; lang?: string }) => {
      setExit(runValidate(io, paths, { format: o.format, strict: o.strict, quiet: o.quiet, lang: isLang(o.lang) ? o.lang : undefined }));
    });

  cmd
    .command('build')
    .description('validate, then write the books: buku-1 … buku-4, masterplan (HTML and PDF) and index.html')
    .argument('[dir]', 'masterplan folder (default: found upward from here)')
    .option('-o, --out <dir>', 'output folder, replaced as a whole when the build is complete (default: DIR/dist)')
    .addOption(new Option('--format <format>', 'what to write').choices(['html', 'pdf', 'all']).default('all'))
    .option('--templates <dir>', 'folder with book.html and/or book.css to use instead of the built-in layout')
    .addOption(new Option('--report-format <format>', 'format of the problems printed on stdout').choices([...REPORT_FORMATS]).default('text'))
    .option('-q, --quiet', 'print errors only: no warnings, notes or progress', false)
    .addOption(lang())
    .action(async (dir: string | undefined, o: { out?: string; format: 'html' | 'pdf' | 'all'; templates?: string; reportFormat: 'text' | 'json' | 'github'; quiet: boolean; lang?: string }) => {
      // Loaded on demand: the renderers are not needed by `validate`.
      const { runBuild } = await import('./build-command.js');
      setExit(
        await runBuild(io, dir, {
          out: o.out,
          format: o.format,
          templates: o.templates,
          reportFormat: o.reportFormat,
          quiet: o.quiet,
          lang: isLang(o.lang) ? o.lang : undefined,
        }),
      );
    });

  cmd
    .command('init')
    .description('scaffold a new masterplan repository: settings, RPJMD skeleton, six Pokja × four stage worksheets, editor, hook and CI files')
    .argument('[dir]', 'folder to create or fill (default: here); existing files are never overwritten')
    .requiredOption('--region <name>', 'region the masterplan is for, e.g. "Kabupaten Banggai"')
    .addOption(new Option('--lang <lang>', 'language of the masterplan, its guidance comments and messages').choices(['id', 'en']).default('id'))
    .option('--period <first-last>', 'first and last year of the masterplan, e.g. 2022-2031 (default: ten years from this year)')
    .action((dir: string | undefined, o: { region: string; lang: string; period?: string }) => {
      setExit(runInit(io, dir, { region: o.region, lang: isLang(o.lang) ? o.lang : undefined, period: o.period }));
    });

  cmd
    .command('status')
    .description('where every Pokja × stage stands: worksheets, status, records, problems, RPJMD coverage (exit 0 even with errors)')
    .argument('[dir]', 'masterplan folder (default: found upward from here)')
    .addOption(new Option('--format <format>', 'output format').choices([...STATUS_FORMATS]).default('text'))
    .addOption(lang())
    .action((dir: string | undefined, o: { format: StatusFormat; lang?: string }) => {
      setExit(runStatus(io, dir, { format: o.format, lang: isLang(o.lang) ? o.lang : undefined }));
    });

  cmd
    .command('trace')
    .description('the traceability matrix (RPJMD program × Pokja) and its gaps (exit 0 even with errors)')
    .argument('[dir]', 'masterplan folder (default: found upward from here)')
    .addOption(new Option('--format <format>', 'output format').choices([...TRACE_FORMATS]).default('text'))
    .addOption(new Option('--table <table>', 'csv only: which table (default: matrix)').choices([...TRACE_TABLES]))
    .addOption(new Option('--delimiter <char>', 'csv only: field delimiter (default: ";")').choices([...CSV_DELIMITERS]))
    .addOption(lang())
    .action((dir: string | undefined, o: { format: TraceFormat; table?: TraceTable; delimiter?: CsvDelimiter; lang?: string }) => {
      setExit(runTrace(io, dir, { format: o.format, table: o.table, delimiter: o.delimiter, lang: isLang(o.lang) ? o.lang : undefined }));
    });

  cmd
    .command('schema')
    .description('print a JSON schema of the format; without NAME, list the schemas')
    .addArgument(new Argument('[name]', 'schema to print').choices([...SCHEMA_NAMES]))
    .addOption(lang())
    .action((name: SchemaName | undefined, o: { lang?: string }) => {
      setExit(runSchema(io, name, { lang: isLang(o.lang) ? o.lang : undefined }));
    });

  cmd
    .command('serve')
    .description('preview the HTML books on 127.0.0.1, rebuilt and reloaded when a worksheet changes')
    .argument('[dir]', 'masterplan folder (default: found upward from here)')
    .option('-p, --port <port>', 'port on 127.0.0.1 (0: any free port)', '4000')
    .option('--templates <dir>', 'folder with book.html and/or book.css to use instead of the built-in layout')
    .addOption(lang())
    .action(async (dir: string | undefined, o: { port: string; templates?: string; lang?: string }) => {
      const { runServe } = await import('./serve-command.js');
      setExit(await runServe(io, dir, { port: o.port, templates: o.templates, lang: isLang(o.lang) ? o.lang : undefined }));
    });

  return cmd;
}

/** Runs one command line; returns the exit code. Never throws, never exits the process. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let code = 0;
  try {
    await program(io, (c) => (code = c)).parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with code 0; bad arguments with commander's message.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      io.err(`masterplan: ${e.message}\n`);
      return 2;
    }
    const detail = e instanceof Error ? e.message : String(e);
    io.err(`masterplan: ${locale('id').messages.internalError(detail)}\n`);
    if (process.env.MASTERPLAN_DEBUG && e instanceof Error) io.err(`${e.stack}\n`);
    return 2;
  }
}

