// The tooling files `masterplan init` writes next to the worksheets: editor settings that map
// the schemas, the CI workflow (the same file as examples/ci/github-actions.yml) and the
// pre-commit configuration pointing at this package's hook (.pre-commit-hooks.yaml).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PreCommitVars } from '../i18n/scaffold-id.js';
import { packageRoot } from '../render/html/package-root.js';
import { schemaFile, type SchemaName } from '../schemas/package-schemas.js';

/** Where init copies the schemas inside the new repository (editors read them offline). */
export const SCHEMA_FOLDER = '.masterplan/schemas';

export const WORKFLOW_PATH = '.github/workflows/masterplan.yml';

/** A first-line comment the YAML language server reads: the schema for this one file. */
export function schemaModeline(fileDepth: number, schema: SchemaName): string {
  return `# yaml-language-server: $schema=${'../'.repeat(fileDepth)}${SCHEMA_FOLDER}/${schemaFile(schema)}`;
}

/** VS Code + redhat.vscode-yaml: which schema applies to which file (patterns match path ends). */
export function vscodeSettings(): string {
  const at = (s: SchemaName) => `./${SCHEMA_FOLDER}/${schemaFile(s)}`;
  const stage = (n: number) => [`/pokja/*/${n}-*.yaml`, `/pokja/*/${n}-*.yml`];
  const settings = {
    'yaml.schemas': {
      [at('masterplan')]: '/masterplan.yaml',
      [at('rpjmd')]: '/rpjmd.yaml',
      [at('stage-1')]: stage(1),
      [at('stage-2')]: stage(2),
      [at('stage-3')]: stage(3),
      [at('stage-4')]: stage(4),
    },
    '[yaml]': { 'editor.tabSize': 2, 'editor.insertSpaces': true },
    'files.encoding': 'utf8',
  };
  return JSON.stringify(settings, null, 2) + '\n';
}

export function vscodeExtensions(): string {
  return JSON.stringify({ recommendations: ['redhat.vscode-yaml'] }, null, 2) + '\n';
}

// `/dist`, not `dist/`: the built books' folder is a symbolic link (to `.dist.v-<n>`, see
// src/build/write-output.ts), and a pattern ending in `/` matches only real folders.
export const GITIGNORE = '/dist\n/.dist.*\nnode_modules/\n';

/**
 * The git repository and tag of this package, for `.pre-commit-config.yaml`: from package.json
 * `repository` when set, else a placeholder the user must replace (marked so in the file).
 */
export function preCommitSource(): PreCommitVars {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {
    version?: string;
    repository?: string | { url?: string };
  };
  const rev = `v${pkg.version ?? '0.0.0'}`;
  const raw = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const repo = raw ? gitUrl(raw) : undefined;
  return repo ? { repo, rev, placeholder: false } : { repo: 'https://github.com/ORG/masterplan', rev, placeholder: true };
}

/** npm's repository forms (github:o/r, o/r, git+https://….git) → a URL git can clone. */
function gitUrl(raw: string): string | undefined {
  const short = /^(?:github:)?([\w.-]+)\/([\w.-]+)$/.exec(raw);
  if (short) return `https://github.com/${short[1]}/${short[2].replace(/\.git$/, '')}`;
  const url = raw.replace(/^git\+/, '');
  return /^(https?|ssh|git):\/\//.test(url) ? url : undefined;
}

/** GitHub Actions: validate (annotations), status (job summary), build, upload the books. */
export const GITHUB_WORKFLOW = `# masterplan: check the worksheets on every push and pull request, show where every Pokja
# stands in the job summary, build the books and keep them as a downloadable artifact.
#
# Set the repository variable MASTERPLAN_PACKAGE (Settings → Secrets and variables → Actions →
# Variables) to where npm installs masterplan from: a git URL with a tag
# (git+https://github.com/ORG/masterplan.git#v0.1.0) or a tarball URL.
name: masterplan

on:
  push:
  pull_request:

permissions:
  contents: read

jobs:
  masterplan:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4

      - uses: actions/setup-node@v4
        with:
          node-version: 20

      - name: Install masterplan
        id: install
        env:
          MASTERPLAN_PACKAGE: \${{ vars.MASTERPLAN_PACKAGE }}
        run: |
          if [ -z "$MASTERPLAN_PACKAGE" ]; then
            echo "::error::Set the repository variable MASTERPLAN_PACKAGE to where masterplan is installed from"
            exit 1
          fi
          npm install --global "$MASTERPLAN_PACKAGE"

      - name: Validate
        run: masterplan validate --format github

      - name: Status
        # Also (above all) when validation failed: the summary shows which Pokja and stage.
        if: \${{ !cancelled() && steps.install.outcome == 'success' }}
        run: masterplan status --format markdown >> "$GITHUB_STEP_SUMMARY"

      - name: Build the books
        run: SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) masterplan build

      - uses: actions/upload-artifact@v4
        with:
          name: masterplan-books
          path: dist/
          if-no-files-found: error
`;
