// The command line: parses arguments and hands over to one command module each.
// Exit codes: 0 clean, 1 problems found, 2 the command itself could not run.

import { Command, CommanderError, Option } from 'commander';
import { locale, isLang } from '../i18n/index.js';
import { REPORT_FORMATS } from '../report/formats.js';
import { processIo, UsageError, type Io } from './context.js';
import { runValidate } from './validate-command.js';

const VERSION = '0.1.0';

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

