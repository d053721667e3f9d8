// Commander in the user's language: the help layout (headings, "choices", "default", usage
// words) through configureHelp, and the argument errors (unknown option or command, missing
// argument or value, too many arguments, a value not in the list) as UsageError, so that
// main prints them like every other failure of the command itself (exit 2).

import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Argument, Command, Help, Option } from 'commander';
import { closest } from '../check/did-you-mean.js';
import { isLang, type Locale } from '../i18n/index.js';
import { findRoot, peekLanguage } from '../load/load-project.js';
import type { Lang } from '../model/types.js';
import { UsageError } from './context.js';

type Cli = Locale['cli'];

/**
 * The language of help and argument errors, known before any masterplan is read: `--lang` in
 * argv, else the `language` of the masterplan named by a DIR or FILE argument (or found upward
 * from the working directory), else Indonesian.
 */
export function cliLanguage(argv: readonly string[], cwd: string): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (isLang(value)) return value;
  }
  // The first DIR or FILE that belongs to a masterplan decides (a hook may pass hundreds of files).
  const positional = argv.slice(1).filter((a) => !a.startsWith('-'));
  for (const a of positional) {
    const abs = resolve(cwd, a);
    if (!existsSync(abs)) continue;
    const root = statSync(abs).isDirectory() ? findRoot(abs, false) : findRoot(dirname(abs), true);
    if (root) return peekLanguage(root) ?? 'id';
  }
  const root = findRoot(cwd, true);
  return (root ? peekLanguage(root) : undefined) ?? 'id';
}

/** `"a", "b"` as the help shows choices and defaults. */
const quoted = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

function extras(t: Cli, description: string, choices: readonly string[] | undefined, shownDefault: string | undefined): string {
  const extra: string[] = [];
  if (choices) extra.push(t.choices(quoted(choices)));
  if (shownDefault !== undefined) extra.push(t.defaultValue(shownDefault));
  if (extra.length === 0) return description;
  return description ? `${description} (${extra.join(', ')})` : `(${extra.join(', ')})`;
}

/** The help formatter: commander's layout, every word of ours. */
export function localizedHelp(t: Cli): Partial<Help> {
  const words = (s: string) => s.replace(/\[options\]/g, t.usageOptions).replace(/\[command\]/g, t.usageCommand);
  return {
    styleTitle: (s: string) => t.titles[s] ?? s,
    styleUsage: (s: string) => words(s),
    styleSubcommandTerm: (s: string) => words(s),
    optionDescription: (o: Option) => {
      // Boolean defaults (false) say nothing to a user; values do.
      const showDefault = o.defaultValue !== undefined && (o.required || o.optional);
      return extras(t, o.description, o.argChoices, showDefault ? (o.defaultValueDescription ?? JSON.stringify(o.defaultValue)) : undefined);
    },
    argumentDescription: (a: Argument) =>
      extras(t, a.description, a.argChoices, a.defaultValue !== undefined ? (a.defaultValueDescription ?? JSON.stringify(a.defaultValue)) : undefined),
  };
}

/** A value outside the list, in our words (commander's own check would say it in English). */
function choiceParser(name: string, choices: readonly string[], badOption: (name: string, value: string, allowed: string) => string) {
  return (value: string) => {
    if (!choices.includes(value)) throw new UsageError(badOption(name, value, choices.join(', ')));
    return value;
  };
}

export function choiceOption(flags: string, description: string, choices: readonly string[], badOption: Locale['messages']['badOption']): Option {
  const o = new Option(flags, description).choices(choices);
  return o.argParser(choiceParser(o.long ?? flags, choices, badOption));
}

export function choiceArgument(name: string, description: string, choices: readonly string[], badOption: Locale['messages']['badOption']): Argument {
  const a = new Argument(name, description).choices(choices);
  return a.argParser(choiceParser(a.name(), choices, badOption));
}

/**
 * A Command whose argument errors speak the user's language. Commander reports them through
 * these (documented as internal) methods; the CLI tests pin every one of them, so a change in
 * commander shows up there, not in front of a user.
 */
export class LocalizedCommand extends Command {
  constructor(
    name: string | undefined,
    private readonly t: Cli,
  ) {
    super(name);
  }

  override createCommand(name?: string): Command {
    return new LocalizedCommand(name, this.t);
  }

  private fullName(): string {
    const names: string[] = [];
    for (let c: Command | null = this; c; c = c.parent) names.unshift(c.name());
    return names.join(' ');
  }

  private fail(message: string): never {
    throw new UsageError(`${message}\n${this.t.seeHelp(this.fullName())}`);
  }

  unknownOption(flag: string): never {
    const known = this.options.flatMap((o) => (o.long ? [o.long] : [])).concat('--help');
    const suggestion = flag.startsWith('--') ? closest(flag.split('=')[0], known) : undefined;
    this.fail(this.t.unknownOption(flag, suggestion));
  }

  unknownCommand(): never {
    const name = this.args[0];
    const suggestion = closest(name, this.commands.map((c) => c.name()));
    this.fail(this.t.unknownCommand(name, suggestion));
  }

  missingArgument(name: string): never {
    this.fail(this.t.missingArgument(name));
  }

  optionMissingArgument(option: Option): never {
    this.fail(this.t.optionMissingArgument(option.flags));
  }

  missingMandatoryOptionValue(option: Option): never {
    this.fail(this.t.missingMandatoryOption(option.flags));
  }

  _excessArguments(received: string[]): never {
    this.fail(this.t.excessArguments(this.fullName(), this.registeredArguments.length, received.length));
  }
}
