// The tooling files `masterplan init` writes next to the worksheets: editor settings that map
// the schemas, the CI workflow (the same file as examples/ci/github-actions.yml) and the
// pre-commit configuration (a local hook calling the installed masterplan).

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
// src/publish/write-output.ts), and a pattern ending in `/` matches only real folders.
export const GITIGNORE = '/dist\n/.dist.*\nnode_modules/\n';

/**
 * The worksheets the pre-commit hook checks (the same pattern as `files:` in this package's
 * .pre-commit-hooks.yaml): the `.pre-commit-config.yaml` init writes has a `repo: local` hook
 * that runs the installed masterplan, so it works without a published hook repository.
 */
export const HOOK_FILES = '\\.(ya?ml|md)$';

/** GitHub Actions: validate (annotations), status (job summary), build, upload the books. */
export const GITHUB_WORKFLOW = `# masterplan: check the worksheets on every push and pull request, show where every Pokja
# stands in the job summary, build the books and keep them as a downloadable artifact.
#
# masterplan is installed from a release tarball (masterplan-<version>.tgz, made by
# \`npm run release\` in the masterplan repository). Either commit the tarball to this repository
# under tools/, or set the repository variable MASTERPLAN_PACKAGE (Settings → Secrets and
# variables → Actions → Variables) to the tarball's https:// URL.
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
          node-version: 22

      - name: Install masterplan
        id: install
        env:
          MASTERPLAN_PACKAGE: \${{ vars.MASTERPLAN_PACKAGE }}
        run: |
          if [ -z "$MASTERPLAN_PACKAGE" ]; then
            MASTERPLAN_PACKAGE=$(ls tools/masterplan-*.tgz 2>/dev/null | sort -V | tail -n 1)
            MASTERPLAN_PACKAGE=\${MASTERPLAN_PACKAGE:+./$MASTERPLAN_PACKAGE}
          fi
          if [ -z "$MASTERPLAN_PACKAGE" ]; then
            echo "::error::Commit a masterplan release tarball as tools/masterplan-<version>.tgz, or set the repository variable MASTERPLAN_PACKAGE to its URL"
            exit 1
          fi
          npm install --global --no-audit --no-fund "$MASTERPLAN_PACKAGE"

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
