// The command line speaks the user's language: --help of every command (headings, option and
// argument descriptions, "choices"/"default", usage words) and commander's argument errors
// (exit 2), Indonesian by default, English with --lang en or `language: en` in masterplan.yaml.

import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/context.js';
import { LocalizedCommand } from '../../src/cli/localized-commander.js';
import { locale } from '../../src/i18n/index.js';
import { REPO_ROOT, runCli, runCliProcess, STACK_LINE } from '../helpers/cli.js';
import { makeFixture, tempDir } from '../helpers/fixtures.js';

const COMMANDS = ['validate', 'build', 'init', 'status', 'trace', 'export', 'schema', 'serve'];
/** Commander's own English words: none may be left in an Indonesian help. */
const ENGLISH = /Usage:|Options:|Arguments:|Commands:|\(default:|choices:|display help|output the version|\[options\]|\[command\]/;

describe('--help', () => {
  it('masterplan --help: Indonesian headings, usage words and every command', async () => {
    const r = await runCli(['--help'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('Penggunaan: masterplan [opsi] [perintah]\n\nMenyusun kertas kerja masterplan Smart City')).toBe(true);
    expect(r.stdout).toMatch(/^Opsi:\n  -V, --version +tampilkan nomor versi\n  -h, --help +tampilkan bantuan perintah ini\n\nPerintah:\n/m);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c} \\[opsi\\]`, 'm'));
    expect(r.stdout).toMatch(/^  help \[perintah\] +tampilkan bantuan untuk sebuah perintah$/m);
    expect(r.stdout).not.toMatch(ENGLISH);
  });

  it.each(COMMANDS)('masterplan %s --help is Indonesian, and English with --lang en', async (command) => {
    const id = await runCli([command, '--help'], { cwd: tempDir() });
    expect(id.code).toBe(0);
    expect(id.stdout).toMatch(new RegExp(`^Penggunaan: masterplan ${command} \\[opsi\\]`));
    expect(id.stdout).toMatch(/^Opsi:$/m);
    expect(id.stdout).toMatch(/^  -h, --help +tampilkan bantuan perintah ini$/m);
    expect(id.stdout).not.toMatch(ENGLISH);
    const en = await runCli([command, '--help', '--lang', 'en'], { cwd: tempDir() });
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(new RegExp(`^Usage: masterplan ${command} \\[options\\]`));
    expect(en.stdout).toMatch(/^Options:$/m);
    expect(en.stdout).toMatch(/^  -h, --help +show help for this command$/m);
    expect(en.stdout).not.toMatch(/Penggunaan|Opsi:|bawaan|pilihan/);
  });

  it('validate --help, whole: descriptions, choices and defaults in Indonesian; no "default: false" for flags', async () => {
    const r = await runCli(['validate', '--help'], { cwd: tempDir() });
    expect(r.stdout).toBe(
      [
        'Penggunaan: masterplan validate [opsi] [path...]',
        '',
        'periksa kertas kerja terhadap format dan setiap tautan; laporkan masalah di',
        'berkas:baris:kolom',
        '',
        'Argumen:',
        '  path               DIR (folder masterplan, bawaan: dicari ke atas dari sini)',
        '                     lalu BERKAS yang dilaporkan',
        '',
        'Opsi:',
        '  --format <format>  format keluaran (pilihan: "text", "json", "github",',
        '                     "sarif", "gitlab", bawaan: "text")',
        '  --strict           peringatan juga menggagalkan (kode keluar 1)',
        '  -q, --quiet        cetak galat saja, tanpa peringatan atau ringkasan',
        '  --lang <bahasa>    bahasa pesan (bawaan: `language` di masterplan.yaml, selain',
        '                     itu id) (pilihan: "id", "en")',
        '  -h, --help         tampilkan bantuan perintah ini',
        '',
      ].join('\n'),
    );
  });

  it('the language of help comes from --lang, else the masterplan of DIR or the working directory, else Indonesian', async () => {
    const en = makeFixture('language-en');
    expect((await runCli(['validate', '--help'], { cwd: en })).stdout).toMatch(/^Usage: masterplan validate/);
    expect((await runCli(['validate', en, '--help'], { cwd: tempDir() })).stdout).toMatch(/^Usage: masterplan validate/);
    expect((await runCli(['build', '--help', '--lang', 'id'], { cwd: en })).stdout).toMatch(/^Penggunaan: masterplan build/);
    expect((await runCli(['build', '--help', '--lang=id'], { cwd: en })).stdout).toMatch(/^Penggunaan: masterplan build/);
    expect((await runCli(['status', '--help'], { cwd: makeFixture(undefined) })).stdout).toMatch(/^Penggunaan: masterplan status/);
  });
});

describe('argument errors: exit 2, nothing on stdout, our words on stderr', () => {
  const rows: [string, string[], string][] = [
    ['unknown option, with a suggestion', ['validate', '--formt', 'json'], 'opsi --formt tidak dikenal; maksud Anda --format?\nlihat: masterplan validate --help'],
    ['unknown option', ['status', '--tidak-ada'], 'opsi --tidak-ada tidak dikenal\nlihat: masterplan status --help'],
    ['unknown short option', ['trace', '-z'], 'opsi -z tidak dikenal\nlihat: masterplan trace --help'],
    ['bad choice', ['validate', '--format', 'xml'], 'nilai "xml" tidak sah untuk --format; pilihan: text, json, github, sarif, gitlab'],
    ['bad choice (export)', ['export', '--format', 'csv'], 'nilai "csv" tidak sah untuk --format; pilihan: xlsx, json'],
    ['unknown command, with a suggestion', ['biuld'], 'perintah "biuld" tidak dikenal; maksud Anda "build"?\nlihat: masterplan --help'],
    ['too many arguments', ['build', 'a', 'b'], 'terlalu banyak argumen untuk masterplan build: paling banyak 1, diberikan 2\nlihat: masterplan build --help'],
    ['option without its value', ['build', '--out'], 'opsi -o, --out <folder> memerlukan nilai\nlihat: masterplan build --help'],
    ['missing mandatory option', ['init', 'x'], 'opsi wajib --region <nama> belum diberikan\nlihat: masterplan init --help'],
  ];
  it.each(rows)('%s', async (_name, args, message) => {
    const r = await runCli(args, { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`masterplan: ${message}\n`);
  });

  it('in English with --lang en', async () => {
    const r = await runCli(['validate', '--formt', 'json', '--lang', 'en'], { cwd: tempDir() });
    expect(r.stderr).toBe('masterplan: unknown option --formt; did you mean --format?\nsee: masterplan validate --help\n');
    const c = await runCli(['export', '--format', 'csv', '--lang', 'en'], { cwd: tempDir() });
    expect(c.stderr).toBe('masterplan: invalid value "csv" for --format; choices: xlsx, json\n');
    const n = await runCli(['init', 'x', '--lang', 'en'], { cwd: tempDir() });
    expect(n.stderr).toBe('masterplan: required option --region <name> not given\nsee: masterplan init --help\n');
  });

  it('from the binary: exit 2, the Indonesian message, no stack trace', () => {
    const r = runCliProcess(['validate', '--format', 'xml'], { cwd: REPO_ROOT });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('masterplan: nilai "xml" tidak sah untuk --format; pilihan: text, json, github, sarif, gitlab\n');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});

describe('LocalizedCommand', () => {
  it('a missing required argument (no masterplan command has one yet) is a UsageError in our words', async () => {
    for (const [lang, message] of [
      ['id', 'argumen wajib nama belum diberikan\nlihat: alat pakai --help'],
      ['en', 'missing required argument nama\nsee: alat pakai --help'],
    ] as const) {
      const cmd = new LocalizedCommand('alat', locale(lang).cli).exitOverride();
      cmd.command('pakai').argument('<nama>').action(() => {});
      await expect(cmd.parseAsync(['pakai'], { from: 'user' })).rejects.toEqual(new UsageError(message));
    }
  });
});
