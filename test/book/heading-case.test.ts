// Heading capitalisation (PUEBI for Indonesian, title case for English): table-driven.

import { describe, expect, it } from 'vitest';
import { headingCase } from '../../src/book/heading-case.js';
import { runningTitle } from '../../src/book/headings.js';

const ID: [string, string][] = [
  ['Sektor prioritas', 'Sektor Prioritas'],
  ['sektor prioritas dan tujuan pembangunan', 'Sektor Prioritas dan Tujuan Pembangunan'],
  ['yang perlu diketahui', 'Yang Perlu Diketahui'], // the first word always
  ['layanan dan data', 'Layanan dan Data'],
  ['jaringan sebagai fondasi', 'Jaringan sebagai Fondasi'],
  ['anak-anak dan lansia', 'Anak-Anak dan Lansia'], // kata ulang: each part
  ['peran OPD di era SPBE', 'Peran OPD di Era SPBE'], // acronyms as written
  ['aplikasi iOS dan eKTP', 'Aplikasi iOS dan eKTP'], // capitals inside: as written
  ['target 2025 (tahap awal)', 'Target 2025 (Tahap Awal)'],
  ['“satu data” banggai', '“Satu Data” Banggai'],
  ['lihat https://banggaikab.go.id/data', 'Lihat https://banggaikab.go.id/data'],
  ['INO-GOV-1 jaringan intra', 'INO-GOV-1 Jaringan Intra'],
  ['Dan Seterusnya', 'Dan Seterusnya'], // nothing is lowered
  ['  dua  spasi ', '  Dua  Spasi '],
  ['', ''],
];
const EN: [string, string][] = [
  ['priority sectors and development goals', 'Priority Sectors and Development Goals'],
  ['the roadmap of the masterplan', 'The Roadmap of the Masterplan'],
  ['data for a smarter region', 'Data for a Smarter Region'],
];

describe('headingCase', () => {
  it.each(ID)('id: %j → %j', (from, to) => expect(headingCase(from, 'id')).toBe(to));
  it.each(EN)('en: %j → %j', (from, to) => expect(headingCase(from, 'en')).toBe(to));
});

describe('runningTitle', () => {
  it.each([
    [{ number: 'BAB II', title: 'Gambaran Umum Daerah' }, 'BAB II Gambaran Umum Daerah'],
    [{ number: 'BAB I', title: 'Pendahuluan: Latar Belakang, Maksud dan Tujuan, Ruang Lingkup serta Dasar Hukum' }, 'BAB I Pendahuluan'],
    [{ number: 'BAB IV', title: 'Analisis Strategis Smart Governance — Kondisi, Tantangan dan Peluang Daerah' }, 'BAB IV Analisis Strategis Smart Governance'],
    [{ title: 'Lampiran A. Katalog RPJMD 2021–2026' }, 'Lampiran A. Katalog RPJMD 2021–2026'],
    [{ number: 'BAB III', title: 'Penguatan Ekosistem Ekonomi Digital Daerah Kabupaten Banggai Menuju Tahun Emas' }, 'BAB III Penguatan Ekosistem Ekonomi Digital…'],
  ])('%j → %j', (section, expected) => {
    const got = runningTitle(section);
    expect(got).toBe(expected);
    expect(got.length).toBeLessThanOrEqual(49);
  });
});
