// A hand-made book layout for renderer tests: every block kind, a long table that must break
// across pages, a matrix, a roadmap grid, Markdown with every construct, and a link to a
// sibling book — independent of how build-book lays out the example.

import { DEFAULT_THEME } from '../../src/theme/theme.js';
import { fileURLToPath } from 'node:url';
import type { Block, BookDoc, Cell, Inline, Row, Section } from '../../src/book/types.js';
import { lowerMarkdown } from '../../src/book/lower-markdown.js';
import { locale } from '../../src/i18n/index.js';

/** The bundled example: its assets folder holds the images the sample narrative shows. */
export const SAMPLE_ROOT = fileURLToPath(new URL('../../examples/banggai', import.meta.url));

const t = (text: string, extra: Partial<{ strong: boolean; emphasis: boolean }> = {}): Inline => ({ type: 'text', text, ...extra });
const ref = (id: string, text = id): Inline => ({ type: 'ref', id, text });
const cell = (...lines: Inline[][]): Cell => ({ lines });

export function section(id: string, title: string, level: number, blocks: Block[], children: Section[] = [], extra: Partial<Section> = {}): Section {
  return { id, title, level, newPage: level === 1, blocks, children, toc: level <= 2, ...extra };
}

export function markdown(text: string, level = 1, file = 'pokja/smart-governance/1-analisis.md'): Block {
  return { type: 'markdown', level, markdown: lowerMarkdown(SAMPLE_ROOT, { text, src: { file, path: [] }, body: true }) };
}

export const NARRATIVE = `Paragraf dengan **tebal**, *miring*, \`kode\`, ~~coret~~ dan [tautan ke INO-1](#INO-1),
[tautan ke buku lain](#QW-1) serta [situs web](https://example.org/masterplan).

# Judul dalam narasi

- butir satu
- butir dua
  1. anak bernomor
  2. anak kedua
     - cucu
- [x] tugas selesai
- [ ] tugas belum

> Kutipan yang cukup panjang untuk dibungkus ke beberapa baris, supaya garis di kirinya terlihat
> memanjang mengikuti teks.

\`\`\`yaml
pokja: smart-economy
stage: 3   # komentar
\`\`\`

| Kolom A | Kolom B | Angka |
|---|:---:|---:|
| satu | dua | 1.234 |
| [INO-1](#INO-1) | **tebal** | 5 |

![Tahapan masterplan](../../assets/tahapan.png)

![Gambar yang hilang](../../assets/tidak-ada.png)

---

Teks setelah garis, dengan catatan kaki[^1].

[^1]: Isi catatan kaki.
`;

function longTable(rows: number): Block {
  const body: Row[] = Array.from({ length: rows }, (_, i) => ({
    id: `ROW-${i + 1}`,
    tone: i % 17 === 5 ? ('warning' as const) : undefined,
    cells: [
      cell([t(`ROW-${i + 1}`)]),
      cell([t(`Baris nomor ${i + 1} dengan teks yang cukup panjang untuk dibungkus dalam kolom`)]),
      { lines: [[t('satu')], [t('dua')]], bullets: true },
      { lines: [[t(String(i * 1000))]], align: 'right' as const },
    ],
  }));
  return {
    type: 'table',
    caption: 'Tabel panjang',
    columns: [
      { label: 'Kode', width: 1 },
      { label: 'Uraian', width: 4 },
      { label: 'Butir', width: 2 },
      { label: 'Nilai', width: 1, align: 'right' },
    ],
    rows: body,
  };
}

function matrix(): Block {
  const cols = ['Program', 'Gov', 'Branding', 'Economy', 'Living', 'Society', 'Environment', 'Cakupan'];
  return {
    type: 'table',
    caption: 'Matriks',
    variant: 'matrix',
    columns: cols.map((label, i) => ({ label, width: i === 0 ? 3 : 1.4 })),
    rows: Array.from({ length: 12 }, (_, r) => ({
      header: true,
      cells: cols.map((_, c): Cell =>
        c === 0 ? cell([ref('INO-1', `PP-${r}`)], [t('Program prioritas dengan nama panjang')]) : { lines: c === r % 7 ? [[t('INO-X-1')]] : [], tone: c === r % 7 ? 'ok' : undefined },
      ),
    })),
  };
}

function grid(): Block {
  const years = Array.from({ length: 10 }, (_, i) => String(2022 + i));
  return {
    type: 'table',
    caption: 'Peta jalan',
    variant: 'grid',
    columns: [{ label: 'Inovasi', width: 4 }, ...years.map((y) => ({ label: y, width: 1, align: 'center' as const }))],
    rows: Array.from({ length: 6 }, (_, r) => ({
      header: true,
      cells: [cell([ref('INO-1', `INO-${r}`), t(' Inovasi')]), ...years.map((_, c): Cell => (c % 3 === r % 3 ? { lines: [[t('●')]], tone: 'mark', align: 'center' } : { lines: [[t('–')]], tone: 'muted', align: 'center' }))],
    })),
  };
}

export function sampleBook(overrides: Partial<BookDoc> = {}): BookDoc {
  const loc = locale('id');
  const record: Block = {
    type: 'record',
    id: 'INO-1',
    title: [t('Galeri UKM Online')],
    badge: 'INO-1',
    fields: [
      { label: 'Uraian', value: { markdown: lowerMarkdown(SAMPLE_ROOT, { text: 'Etalase **daring** produk UMKM; lihat [QW-1](#QW-1).', src: { file: 'pokja/smart-economy/3-inovasi-a.md', path: [] }, body: false }) } },
      { label: 'OPD', value: [ref('INO-1', 'DISKOPUMKM'), t(' — Dinas Koperasi')] },
      { label: 'Indikator', value: { lines: [[t('UMKM di galeri: 500 (2025)')], [t('Transaksi: 5.000 (2025)')]] } },
    ],
  };
  const sections: Section[] = [
    section('bab-1', 'Bab Satu: Narasi', 1, [markdown(NARRATIVE)], [
      section('bab-1-a', 'Bagian dengan kartu', 2, [record, { type: 'note', content: [t('Catatan '), t('penting', { strong: true })], tone: 'warning' }]),
      section('bab-1-b', 'Bagian dengan daftar', 2, [{ type: 'list', items: [[t('satu')], [t('dua '), ref('INO-1')]] }, { type: 'paragraph', content: [t('Paragraf biasa.')] }]),
    ], { badge: 'draf' }),
    section('bab-2', 'Bab Dua: Tabel', 1, [longTable(70)], [section('bab-2-a', 'Matriks dan peta jalan', 2, [matrix(), grid()])]),
    section('bab-3', 'Bab Tiga: Kosong', 1, [{ type: 'table', caption: 'Tanpa baris', columns: [{ label: 'A', width: 1 }], rows: [] }]),
  ];
  return {
    file: 'buku-3',
    kind: 'stage',
    stage: 3,
    lang: 'id',
    langTag: 'id-ID',
    title: 'Buku III: Inovasi Pokja — Masterplan Uji',
    shortTitle: 'Buku III: Inovasi Pokja',
    cover: { issuer: 'Pemerintah Kabupaten Uji', edition: '1 Maret 2024', region: 'Kabupaten Uji', title: 'Masterplan Smart City Kabupaten Uji', bookLabel: 'Buku III', bookTitle: 'Inovasi Pokja', period: '2022–2031', date: '1 Maret 2024' },
    front: [],
    sections,
    tables: [],
    figures: [],
    resolve: (id) => (id === 'QW-1' ? { file: 'buku-2', anchor: 'QW-1' } : id === 'INO-1' ? { file: 'buku-3', anchor: 'INO-1' } : undefined),
    labels: loc.render,
    date: { iso: '2024-03-01', epoch: 1709251200 },
    theme: DEFAULT_THEME,
    ...overrides,
  };
}
