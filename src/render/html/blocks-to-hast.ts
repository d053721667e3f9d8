// The generated blocks of a section (paragraphs, lists, notes, tables, record cards) → hast.
// Labels are already in the book's language; this module only decides the markup.

import type { ElementContent } from 'hast';
import type { Block, Cell, Field, Figure, Inline, RecordBlock, Row, TableBlock } from '../../book/types.js';
import { chartToHast } from './chart-svg.js';
import { hrefFor, type RenderContext } from './context.js';
import { cls, el, headingTag, type Child } from './hast.js';
import { markdownToHast } from './markdown-to-hast.js';
import { facetData } from './site.js';

/** `level` is the nesting level of the section the blocks belong to. */
export function blocksToHast(blocks: readonly Block[], ctx: RenderContext, level: number): ElementContent[] {
  return blocks.map((b) => blockToHast(b, ctx, level));
}

function blockToHast(block: Block, ctx: RenderContext, level: number): ElementContent {
  switch (block.type) {
    case 'markdown': {
      const content = markdownToHast(block.markdown, ctx, block.level);
      if (block.figures) numberImages(content, [...block.figures]);
      return el('div', { className: ['md'] }, content);
    }
    case 'paragraph':
      return el('p', {}, inlines(block.content, ctx));
    case 'list':
      return el(
        block.ordered ? 'ol' : 'ul',
        { className: cls('list', block.tone && `tone-${block.tone}`) },
        block.items.map((item) => el('li', {}, inlines(item, ctx))),
      );
    case 'note':
      return el('div', { className: cls('note', `note-${block.tone ?? 'info'}`), role: 'note' }, [
        el('p', {}, inlines(block.content, ctx)),
      ]);
    case 'table':
      return tableToHast(block, ctx);
    case 'record':
      return recordToHast(block, ctx, level);
    case 'chart':
      return chartToHast(block, ctx);
    case 'signatures':
      return el(
        'div',
        { className: ['signatures', `signatures-${block.layout}`] },
        block.signers.map((s, i) =>
          el('div', { className: ['signer'] }, [
            i === 0 && block.dateLine !== undefined && el('p', { className: ['sign-date'] }, [block.dateLine]),
            s.position !== undefined && block.layout === 'single' && el('p', { className: ['sign-position'] }, [s.position]),
            el('div', { className: ['sign-space'], ariaHidden: 'true' }),
            el('p', { className: ['sign-name'] }, [s.name]),
            s.position !== undefined && block.layout === 'grid' && el('p', { className: ['sign-position'] }, [s.position]),
          ]),
        ),
      );
  }
}

/**
 * Numbered figures: each image of the text, in order, gets the figure's id (the list of figures
 * links to it) and its caption "Gambar 2.1 <alt>" right after it.
 */
function numberImages(nodes: ElementContent[], figures: Figure[]): void {
  for (let i = 0; i < nodes.length && figures.length > 0; i++) {
    const node = nodes[i];
    if (node.type !== 'element') continue;
    if (node.tagName === 'img') {
      const figure = figures.shift()!;
      node.properties = { ...node.properties, id: figure.id };
      const caption = el('span', { className: ['figure-caption'] }, [
        el('span', { className: ['figure-number'] }, [figure.number]),
        ' ',
        figure.caption,
      ]);
      nodes.splice(i + 1, 0, caption);
      i++;
    } else numberImages(node.children as ElementContent[], figures);
  }
}

export function inlines(content: readonly Inline[], ctx: RenderContext): ElementContent[] {
  return content.map((part): ElementContent => {
    if (part.type === 'ref') {
      const href = hrefFor(ctx, part.id);
      // An id shown in no book still reads well as plain text; it is never a dead link.
      return href ? el('a', { href }, [part.text]) : el('span', { className: ['ref'] }, [part.text]);
    }
    let node: ElementContent = { type: 'text', value: part.text };
    if (part.emphasis) node = el('em', {}, [node]);
    if (part.strong) node = el('strong', {}, [node]);
    return node;
  });
}

// ---- tables ---------------------------------------------------------------------------------

function tableToHast(table: TableBlock, ctx: RenderContext): ElementContent {
  const total = table.columns.reduce((sum, c) => sum + c.width, 0) || 1;
  // Dense tables (roadmap grid, traceability matrix) size their own columns and scroll.
  const widths = !table.variant;
  const head = el('thead', {}, [
    el(
      'tr',
      {},
      table.columns.map((c) => el('th', { scope: 'col', className: cls(c.align && `al-${c.align}`) }, [c.label])),
    ),
  ]);
  const body = el(
    'tbody',
    {},
    table.rows.map((row) => rowToHast(row, table, ctx)),
  );
  const colgroup =
    widths &&
    el(
      'colgroup',
      {},
      table.columns.map((c) => el('col', { style: `width:${Math.round((c.width / total) * 1000) / 10}%` })),
    );
  // A focusable, labelled region: keyboard users can scroll a wide table too. (An unnumbered
  // table is named "Tabel: <caption>", apart from a section of the same title.)
  return el(
    'div',
    { className: cls('table-wrap', table.variant && `table-${table.variant}`), role: 'region', ariaLabel: table.number !== undefined ? `${table.number} ${table.caption}` : ctx.labels.tableLabel(table.caption), tabIndex: 0 },
    [
      el('table', { className: cls(table.variant && `table-${table.variant}`) }, [
        // The span stays in view while a wide table scrolls sideways (see book.css).
        el('caption', { id: table.id }, [
          el('span', { className: ['caption-text'] }, [
            table.number !== undefined && el('span', { className: ['table-number'] }, [table.number]),
            table.number !== undefined && !table.repeatsHeading && ' ',
            !table.repeatsHeading && table.caption,
          ]),
        ]),
        colgroup,
        head,
        body,
      ]),
    ],
  );
}

function rowToHast(row: Row, table: TableBlock, ctx: RenderContext): ElementContent {
  const cells = row.cells.map((cell, i) => {
    const header = row.header === true && i === 0;
    const align = cell.align ?? table.columns[i]?.align;
    return el(
      header ? 'th' : 'td',
      { scope: header ? 'row' : undefined, className: cls(align && `al-${align}`, cell.tone && `tone-${cell.tone}`) },
      cellContent(cell, ctx),
    );
  });
  return el('tr', { id: row.id, className: cls(row.tone && `tone-${row.tone}`) }, cells);
}

function cellContent(cell: Cell, ctx: RenderContext): Child[] {
  if (cell.bullets) {
    return cell.lines.length ? [el('ul', {}, cell.lines.map((line) => el('li', {}, inlines(line, ctx))))] : [];
  }
  const out: Child[] = [];
  cell.lines.forEach((line, i) => {
    if (i > 0) out.push(el('br'));
    out.push(...inlines(line, ctx));
  });
  return out;
}

// ---- record cards ---------------------------------------------------------------------------

function recordToHast(record: RecordBlock, ctx: RenderContext, level: number): ElementContent {
  const titleLevel = level + 1;
  return el('article', { className: ['record'], id: record.id, ...facetData(record.find) }, [
    el('header', { className: ['record-head'] }, [
      el(headingTag(titleLevel), { className: ['record-title'] }, inlines(record.title, ctx)),
      record.badge !== undefined && el('span', { className: ['badge'] }, [record.badge]),
    ]),
    record.fields.length > 0 &&
      el(
        'dl',
        { className: ['fields'] },
        record.fields.map((f) => fieldToHast(f, ctx, titleLevel)),
      ),
  ]);
}

function fieldToHast(field: Field, ctx: RenderContext, titleLevel: number): ElementContent {
  return el('div', { className: ['field'] }, [el('dt', {}, [field.label]), el('dd', {}, fieldValue(field.value, ctx, titleLevel))]);
}

function fieldValue(value: Field['value'], ctx: RenderContext, titleLevel: number): Child[] {
  if (Array.isArray(value)) return inlines(value, ctx);
  if ('markdown' in value) return [el('div', { className: ['md'] }, markdownToHast(value.markdown, ctx, titleLevel))];
  const out: Child[] = [];
  value.lines.forEach((line, i) => {
    if (i > 0) out.push(el('br'));
    out.push(...inlines(line, ctx));
  });
  return out;
}
