// The command line: parses arguments and hands over to one command module each.
// Exit codes: 0 clean, 1 problems found, 2 the command itself could not run.

import { Command, CommanderError } from 'commander';
import { locale, isLang, type Locale } from '../i18n/index.js';
import { EXPORT_FORMATS, type ExportFormat } from '../export/formats.js';
import { choiceArgument, choiceOption, cliLanguage, LocalizedCommand, localizedHelp } from './localized-commander.js';
import { REPORT_FORMATS, type ReportFormat } from '../report/formats.js';
import { printable } from '../report/printable.js';
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

function program(io: Io, setExit: (code: number) => void, loc: Locale): Command {
  const t = loc.cli;
  const ph = t.ph;
  const bad = loc.messages.badOption;
  const cmd = new LocalizedCommand('masterplan', t)
    .description(t.program)
    .version(VERSION, '-V, --version', t.version)
    .helpOption('-h, --help', t.help)
    .helpCommand(`help ${t.helpCommandArg}`, t.helpCommand)
    .exitOverride()
    .configureHelp(localizedHelp(t))
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  // Every subcommand inherits the help option, the formatter and the output settings.
  const sub = (name: string, description: string) =>
    cmd.command(name).description(description).helpOption('-h, --help', t.help).configureHelp(localizedHelp(t));

  const lang = () => choiceOption(`--lang <${ph.lang}>`, t.lang, ['id', 'en'], bad);
  const format = () => choiceOption(`--format <${ph.format}>`, t.format, REPORT_FORMATS, bad).default('text');

  sub('validate', t.validate.description)
    .argument(`[${ph.paths}...]`, t.validate.paths)
    .addOption(format())
    .option('--strict', t.validate.strict, false)
    .option('-q, --quiet', t.validate.quiet, false)
    .addOption(lang())
    .action((paths: string[], o: { format: ReportFormat; strict: boolean; quiet: boolean; lang?: string }) => {
      setExit(runValidate(io, paths, { format: o.format, strict: o.strict, quiet: o.quiet, lang: isLang(o.lang) ? o.lang : undefined }));
    });

  sub('build', t.build.description)
    .argument(`[${ph.dir}]`, t.dir)
    .option(`-o, --out <${ph.dir}>`, t.build.out)
    .addOption(choiceOption(`--format <${ph.format}>`, t.build.format, ['html', 'pdf', 'all'], bad).default('all'))
    .option(`--templates <${ph.dir}>`, t.templates)
    .addOption(choiceOption(`--report-format <${ph.format}>`, t.build.reportFormat, REPORT_FORMATS, bad).default('text'))
    .option('-q, --quiet', t.build.quiet, false)
    .addOption(lang())
    .action(async (dir: string | undefined, o: { out?: string; format: 'html' | 'pdf' | 'all'; templates?: string; reportFormat: ReportFormat; quiet: boolean; lang?: string }) => {
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

  sub('init', t.init.description)
    .argument(`[${ph.dir}]`, t.init.dir)
    .requiredOption(`--region <${ph.name}>`, t.init.region)
    .addOption(choiceOption(`--lang <${ph.lang}>`, t.init.lang, ['id', 'en'], bad).default('id'))
    .option(`--period <${ph.period}>`, t.init.period)
    .action((dir: string | undefined, o: { region: string; lang: string; period?: string }) => {
      setExit(runInit(io, dir, { region: o.region, lang: isLang(o.lang) ? o.lang : undefined, period: o.period }));
    });

  sub('status', t.status.description)
    .argument(`[${ph.dir}]`, t.dir)
    .addOption(choiceOption(`--format <${ph.format}>`, t.format, STATUS_FORMATS, bad).default('text'))
    .addOption(lang())
    .action((dir: string | undefined, o: { format: StatusFormat; lang?: string }) => {
      setExit(runStatus(io, dir, { format: o.format, lang: isLang(o.lang) ? o.lang : undefined }));
    });

  sub('trace', t.trace.description)
    .argument(`[${ph.dir}]`, t.dir)
    .addOption(choiceOption(`--format <${ph.format}>`, t.format, TRACE_FORMATS, bad).default('text'))
    .addOption(choiceOption(`--table <${ph.table}>`, t.trace.table, TRACE_TABLES, bad))
    .addOption(choiceOption(`--delimiter <${ph.char}>`, t.trace.delimiter, CSV_DELIMITERS, bad))
    .addOption(lang())
    .action((dir: string | undefined, o: { format: TraceFormat; table?: TraceTable; delimiter?: CsvDelimiter; lang?: string }) => {
      setExit(runTrace(io, dir, { format: o.format, table: o.table, delimiter: o.delimiter, lang: isLang(o.lang) ? o.lang : undefined }));
    });

  sub('export', t.export.description)
    .argument(`[${ph.dir}]`, t.dir)
    .addOption(choiceOption(`--format <${ph.format}>`, t.export.format, EXPORT_FORMATS, bad).default('xlsx'))
    .option(`-o, --out <${ph.file}>`, t.export.out)
    .addOption(lang())
    .action(async (dir: string | undefined, o: { format: ExportFormat; out?: string; lang?: string }) => {
      const { runExport } = await import('./export-command.js');
      setExit(await runExport(io, dir, { format: o.format, out: o.out, lang: isLang(o.lang) ? o.lang : undefined }));
    });

  sub('schema', t.schema.description)
    .addArgument(choiceArgument(`[${ph.name}]`, t.schema.name, SCHEMA_NAMES, bad))
    .addOption(lang())
    .action((name: SchemaName | undefined, o: { lang?: string }) => {
      setExit(runSchema(io, name, { lang: isLang(o.lang) ? o.lang : undefined }));
    });

  sub('serve', t.serve.description)
    .argument(`[${ph.dir}]`, t.dir)
    .option(`-p, --port <${ph.port}>`, t.serve.port, '4000')
    .option(`--templates <${ph.dir}>`, t.templates)
    .addOption(lang())
    .action(async (dir: string | undefined, o: { port: string; templates?: string; lang?: string }) => {
      const { runServe } = await import('./serve-command.js');
      setExit(await runServe(io, dir, { port: o.port, templates: o.templates, lang: isLang(o.lang) ? o.lang : undefined }));
    });

  sub('lsp', t.lsp.description)
    .option('--stdio', t.lsp.stdio)
    .action(async () => {
      const { runLsp } = await import('./lsp-command.js');
      setExit(await runLsp());
    });

  return cmd;
}

/** Runs one command line; returns the exit code. Never throws, never exits the process. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let code = 0;
  let loc = locale('id');
  try {
    loc = locale(cliLanguage(argv, io.cwd));
    await program(io, (c) => (code = c), loc).parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with code 0; bad arguments with commander's message.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      // A usage message may span lines (the error, then where to read more); each line is escaped.
      io.err(`masterplan: ${e.message.split('\n').map(printable).join('\n')}\n`);
      return 2;
    }
    const detail = e instanceof Error ? e.message : String(e);
    io.err(`masterplan: ${printable(loc.messages.internalError(detail))}\n`);
    if (process.env.MASTERPLAN_DEBUG && e instanceof Error) io.err(`${e.stack}\n`);
    return 2;
  }
}

