// The six Smart City dimensions and their elements (Kominfo "Gerakan Menuju 100 Smart City"),
// used when masterplan.yaml lists no Pokja, or lists a default id without elements.

import type { Pokja } from './types.js';

export const DEFAULT_POKJA: readonly Pokja[] = [
  {
    id: 'smart-governance',
    name: 'Smart Governance',
    elements: [
      { id: 'pelayanan-publik', name: 'Pelayanan Publik' },
      { id: 'manajemen-birokrasi', name: 'Manajemen Birokrasi yang Efisien' },
      { id: 'kebijakan-publik', name: 'Efisiensi Kebijakan Publik' },
    ],
  },
  {
    id: 'smart-branding',
    name: 'Smart Branding',
    elements: [
      { id: 'pariwisata', name: 'Ekosistem Pariwisata' },
      { id: 'bisnis-daerah', name: 'Ekosistem Bisnis Daerah' },
      { id: 'wajah-kota', name: 'Wajah Kota' },
    ],
  },
  {
    id: 'smart-economy',
    name: 'Smart Economy',
    elements: [
      { id: 'industri', name: 'Ekosistem Industri yang Berdaya Saing' },
      { id: 'kesejahteraan', name: 'Kesejahteraan Rakyat' },
      { id: 'transaksi-keuangan', name: 'Ekosistem Transaksi Keuangan' },
    ],
  },
  {
    id: 'smart-living',
    name: 'Smart Living',
    elements: [
      { id: 'tata-ruang', name: 'Harmonisasi Tata Ruang' },
      { id: 'transportasi', name: 'Sarana Transportasi' },
      { id: 'kesehatan', name: 'Prasarana Kesehatan' },
    ],
  },
  {
    id: 'smart-society',
    name: 'Smart Society',
    elements: [
      { id: 'interaksi-masyarakat', name: 'Interaksi Masyarakat yang Efisien' },
      { id: 'ekosistem-belajar', name: 'Ekosistem Belajar yang Efisien' },
      { id: 'keamanan', name: 'Sistem Keamanan Masyarakat' },
    ],
  },
  {
    id: 'smart-environment',
    name: 'Smart Environment',
    elements: [
      { id: 'proteksi-lingkungan', name: 'Proteksi Lingkungan' },
      { id: 'sampah-limbah', name: 'Tata Kelola Sampah dan Limbah' },
      { id: 'energi', name: 'Tata Kelola Energi' },
    ],
  },
];

export function defaultPokja(id: string): Pokja | undefined {
  return DEFAULT_POKJA.find((p) => p.id === id);
}
