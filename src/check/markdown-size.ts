// Markdown size limits, so that a build's memory stays bounded (README, Performance). The
// renderers take a long text a piece at a time (src/markdown/split-blocks.ts), so what bounds
// their memory is the largest piece the parser must read at once, and the output they keep:
// - one text (a `.md` body or a Markdown field) at most `textMb`,
// - all Markdown of the masterplan at most `totalMb` (the combined book shows all of it; its
//   PDF costs about 80 MB of memory per MB of Markdown),
// - one block that cannot be split (a paragraph, list, table or code block with no blank line
//   to split at) at most `blockKb`, and so a text with `]:` (link definitions or footnotes,
//   which work across the whole text and so keep it in one piece) at most `blockKb`.

import type { Collector } from '../diagnostics/collector.js';
import { m, type Phrase } from '../diagnostics/message.js';
import { locate } from '../source/locate.js';
import { splitBlocks } from '../markdown/split-blocks.js';
import type { Markdown, Masterplan } from '../model/types.js';
import { allMarkdown } from '../model/walk.js';

export interface MarkdownLimits {
  textMb: number;
  totalMb: number;
  blockKb: number;
}

export const MARKDOWN_LIMITS: MarkdownLimits = { textMb: 10, totalMb: 10, blockKb: 512 };

const MB = 1024 * 1024;

export function checkMarkdownSize(model: Masterplan, out: Collector, limits = MARKDOWN_LIMITS): void {
  const maxBlock = limits.blockKb * 1024;
  let total = 0;
  let totalReported = false;
  for (const md of allMarkdown(model)) {
    const bytes = Buffer.byteLength(md.text, 'utf8');
    if (bytes > limits.textMb * MB) {
      report(md, 0, out, m.markdownTooLarge(mb(bytes), String(limits.textMb)));
      continue; // refused on its own: not counted in the total
    }
    total += bytes;
    if (total > limits.totalMb * MB && !totalReported) {
      totalReported = true;
      report(md, 0, out, m.markdownTotalTooLarge(mb(total), String(limits.totalMb)));
    } else if (bytes <= maxBlock) {
      continue; // read in one piece at most this large
    } else if (md.text.includes(']:')) {
      report(md, 0, out, m.markdownDefinitionsTooLarge(kb(bytes), String(limits.blockKb)));
    } else {
      // The blocks the parser cannot split (split as finely as the scan allows).
      let offset = 0;
      for (const block of splitBlocks(md.text, 1)) {
        const size = block.length > maxBlock / 3 ? Buffer.byteLength(block, 'utf8') : 0;
        if (size > maxBlock) {
          report(md, offset, out, m.markdownBlockTooLarge(kb(size), String(limits.blockKb)));
          break;
        }
        offset += block.length;
      }
    }
  }
}

const mb = (bytes: number) => (bytes / MB).toFixed(1);
const kb = (bytes: number) => (bytes / 1024).toFixed(0);

/** At `offset` in a `.md` body; at the start of the value for a Markdown field. */
function report(md: Markdown, offset: number, out: Collector, message: Phrase): void {
  const parsed = out.files.get(md.src.file);
  if (parsed && md.body && parsed.body) {
    const at = parsed.body.offset + offset;
    return out.span(md.src.file, at, at, 'syntax', message);
  }
  const at = parsed ? locate(parsed, md.src.path, 'value').start : 0;
  out.span(md.src.file, at, at, 'syntax', message);
}
