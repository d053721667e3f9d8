// The files this package reads from its own folder at run time: the JSON schemas, the HTML
// template and the built-in fonts. Installed with npm they are files of the package; in the single
// executable (scripts/release.mjs) they are its assets, under the same names.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { IN_SEA } from './build-info.js';
import { packageRoot } from './render/html/package-root.js';
import { faceFileName, type PackageFace } from './theme/font-catalog.js';

/** A file of the package by its path there, e.g. `schemas/common.schema.json`, `templates/book.css`. */
export function readPackageFile(rel: string): Buffer {
  if (IN_SEA) return seaAsset(rel);
  return readFileSync(join(packageRoot(), ...rel.split('/')));
}

/** Where a package file is, for messages: in the package folder, or inside the executable. */
export function packageFilePath(rel: string): string {
  return IN_SEA ? join(process.execPath, ...rel.split('/')) : join(packageRoot(), ...rel.split('/'));
}

/** One built-in font face, from its npm package (in the executable: asset `fonts/<file name>`). */
export function readFontFile(face: PackageFace): Buffer {
  if (IN_SEA) return seaAsset(`fonts/${faceFileName(face)}`);
  const pkg = createRequire(import.meta.url).resolve(`${face.pkg}/package.json`);
  return readFileSync(join(dirname(pkg), ...face.path.split('/')));
}

function seaAsset(key: string): Buffer {
  const sea = process.getBuiltinModule('node:sea');
  return Buffer.from(sea.getAsset(key));
}
