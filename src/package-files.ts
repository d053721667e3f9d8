// The files this package reads from its own folder at run time: the JSON schemas, the HTML
// template and the DejaVu fonts. Installed with npm they are files of the package; in the single
// executable (scripts/release.mjs) they are its assets, under the same names.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { IN_SEA } from './build-info.js';
import { packageRoot } from './render/html/package-root.js';

/** A file of the package by its path there, e.g. `schemas/common.schema.json`, `templates/book.css`. */
export function readPackageFile(rel: string): Buffer {
  if (IN_SEA) return seaAsset(rel);
  return readFileSync(join(packageRoot(), ...rel.split('/')));
}

/** Where a package file is, for messages: in the package folder, or inside the executable. */
export function packageFilePath(rel: string): string {
  return IN_SEA ? join(process.execPath, ...rel.split('/')) : join(packageRoot(), ...rel.split('/'));
}

/** One DejaVu font (`DejaVuSans-Bold`), from the `dejavu-fonts-ttf` package (asset `fonts/<name>.ttf`). */
export function readFontFile(name: string): Buffer {
  if (IN_SEA) return seaAsset(`fonts/${name}.ttf`);
  const pkg = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json');
  return readFileSync(join(dirname(pkg), 'ttf', `${name}.ttf`));
}

function seaAsset(key: string): Buffer {
  const sea = process.getBuiltinModule('node:sea');
  return Buffer.from(sea.getAsset(key));
}
