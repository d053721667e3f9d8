// The command line: parses arguments and hands over to one command module each.
// Exit codes: 0 clean, 1 problems found, 2 the command itself could not run.

import { Command, CommanderError, Option } from 'commander';
import { locale, isLang } from '../i18n/index.js';
import { REPORT_FORMATS } from '../report/formats.js';
import { UsageError } from './context.js';
import { runValidate } from './validate-command.js';

const VERSION = '0.1.0';

function program(): Command {
  const cmd = new Command('masterplan')
    .description('Compile Smart City masterplan worksheets into checked, linked books (HTML and PDF).')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

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
      process.exitCode = runValidate(paths, { format: o.format, strict: o.strict, quiet: o.quiet, lang: isLang(o.lang) ? o.lang : undefined });
    });

  return cmd;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with code 0; bad arguments with commander's message.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`masterplan: ${e.message}\n`);
      return 2;
    }
    const detail = e instanceof Error ? e.message : String(e);
    process.stderr.write(`masterplan: ${locale('id').messages.internalError(detail)}\n`);
    if (process.env.MASTERPLAN_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return 2;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
