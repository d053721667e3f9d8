// What `masterplan init` writes, in Indonesian: the skeleton of masterplan.yaml, rpjmd.yaml and
// the four stage worksheets, with guidance as YAML comments. The data lines (keys, placeholder
// records) are the same in every language; only comments and placeholder texts differ. The
// `# yaml-language-server: $schema=…` first line is added by src/scaffold, not here.

export interface ScaffoldPokja {
  id: string;
  name: string;
  elements: { id: string; name: string }[];
  /** Short code for example ids: GOV, BRA, ECO, LIV, SOC, ENV. */
  code: string;
}

export interface ScaffoldProject {
  /** Region as a YAML scalar (quoted when needed) and as plain text for comments. */
  regionYaml: string;
  region: string;
  titleYaml: string;
  /** Any text as a YAML scalar (for texts that include the region). */
  yaml: (text: string) => string;
  period: [number, number];
  rpjmdPeriod: [number, number];
  pokja: ScaffoldPokja[];
}

export interface ScaffoldWorksheet {
  pokja: ScaffoldPokja;
  /** A year inside the masterplan period for examples, and the last year of a 3-year span. */
  year: number;
  yearEnd: number;
}

export interface PreCommitVars {
  /** The `files:` pattern of the hook: the worksheets validate reads. */
  files: string;
}

const elements = (p: ScaffoldPokja) => p.elements.map((e) => e.id).join(', ');

export const scaffoldId = {
  masterplan: (v: ScaffoldProject) => `#
# Pengaturan masterplan Smart City ${v.region}.
# Setiap kolom punya penjelasan: di VS Code (dengan ekstensi YAML dari Red Hat) arahkan
# kursor ke nama kolom, atau tekan Ctrl+Spasi untuk daftar kolom yang boleh diisi.
# Periksa seluruh masterplan dengan: masterplan validate

masterplan: 1                 # versi format (selalu 1)
region: ${v.regionYaml}
title: ${v.titleYaml}
period: [${v.period[0]}, ${v.period[1]}]          # tahun pertama dan terakhir masterplan
language: id                  # bahasa buku dan pesan: id atau en
rpjmd: rpjmd.yaml             # katalog RPJMD

# Sampul dan edisi buku (semua opsional).
issuer: ${v.yaml(`Pemerintah ${v.region}`)}   # baris teratas sampul
# agency: DISKOMINFO          # id OPD penyusun (dari rpjmd.yaml), ditampilkan di sampul
# place: Nama ibu kota        # tempat penandatanganan kata pengantar: "Luwuk, 28 April 2023"
# logo: assets/lambang.png    # lambang daerah, PNG atau JPEG di dalam repositori
edition:
  status: draft               # draft (tanda DRAF di setiap halaman), review (TELAAH) atau final
  # date: ${v.period[0]}-04-28        # tanggal resmi edisi (ISO); bawaan: tanggal build
  # version: "0.1"
# books:                      # judul keempat buku (bawaan di bawah ini)
#   1: Analisis Strategis
#   2: Penyelarasan Program OPD dan Quick Win
#   3: Inovasi Pokja
#   4: Peta Jalan dan Rencana Aksi

# Enam Pokja (dimensi Smart City, panduan Kominfo "Gerakan Menuju 100 Smart City").
# lead: id OPD pengampu Pokja, dari daftar opd di rpjmd.yaml (opsional).
# Elemen tiap dimensi sudah bawaan; tulis "elements" hanya untuk mengubahnya.
pokja:
${v.pokja
  .map(
    (p) => `  - id: ${p.id}
    name: ${p.name}
    # lead: DISKOMINFO
    # elemen: ${elements(p)}`,
  )
  .join('\n')}
`,

  rpjmd: (v: ScaffoldProject) => `#
# Katalog RPJMD ${v.region}: visi → misi → tujuan → sasaran → program prioritas, dan OPD.
# Isian di bawah hanya PENGGANTI SEMENTARA agar masterplan langsung bisa diperiksa: ganti
# dengan rumusan resmi RPJMD daerah Anda. Setiap id harus unik di seluruh masterplan; kertas
# kerja Pokja merujuk program prioritas lewat id-nya (mis. rpjmd: [PP-01]).

period: [${v.rpjmdPeriod[0]}, ${v.rpjmdPeriod[1]}]          # periode RPJMD
vision: ${v.yaml(`Visi RPJMD ${v.region} (ganti dengan rumusan resmi)`)}

missions:                     # misi
  - id: M1
    text: Misi pertama RPJMD (ganti dengan rumusan resmi)
    pokja: [${v.pokja[0]?.id ?? 'smart-governance'}]    # dimensi yang dipetakan ke misi ini (opsional)

goals:                        # tujuan
  - id: T1.1
    mission: M1
    text: Tujuan pertama misi 1 (ganti dengan rumusan resmi)

targets:                      # sasaran
  - id: S1.1.1
    goal: T1.1
    text: Sasaran pertama tujuan 1.1 (ganti dengan rumusan resmi)

programs:                     # program prioritas
  - id: PP-01
    name: Program prioritas pertama (ganti dengan nama resmi)
    target: S1.1.1            # sasaran yang dilayani program ini
    # code: "2.16.03"         # kode program Permendagri 90/2019 (opsional, dengan tanda kutip)
    # sector: Komunikasi dan Informatika
    # opd: [DISKOMINFO]
    # indicators:
    #   - name: Indeks SPBE
    #     unit: indeks
    #     baseline: 2.1
    #     targets: {${v.rpjmdPeriod[0] + 1}: 2.5, ${v.rpjmdPeriod[0] + 2}: 2.8}

opd:                          # organisasi perangkat daerah
  - id: DISKOMINFO
    name: Dinas Komunikasi dan Informatika
`,

  worksheets: {
    1: (v: ScaffoldWorksheet) => `#
# Kertas kerja tahap 1 – Buku I: Analisis Strategis
# Pokja ${v.pokja.name}
#
# Telaah program prioritas RPJMD yang menjadi pijakan dimensi ini, program Renstra OPD yang
# membawanya, kesiapan daerah (SWOT per pilar) dan isu strategis. Id program dan OPD diambil
# dari rpjmd.yaml. Untuk mengisi contoh: hapus "[]" atau "{}" pada kolomnya, lalu hapus tanda
# "# " di awal baris contoh (di VS Code: pilih barisnya, tekan Ctrl+/).
# Periksa dengan: masterplan validate

pokja: ${v.pokja.id}
stage: 1
status: draft                 # draft → review → final
# title: Judul bab (opsional)

# Program prioritas RPJMD yang dibangun dimensi ini.
analysis: []
#   - program: PP-01
#     relevance: Mengapa program ini penting bagi dimensi (Markdown).
#     renstra:                # program Renstra OPD yang membawanya (opsional)
#       - opd: DISKOMINFO
#         program: Program Pengelolaan Aplikasi Informatika
#         code: "2.16.03"

# Kesiapan daerah, SWOT per pilar: structure (struktur: SDM, anggaran, tata kelola),
# infrastructure (infrastruktur fisik, digital, sosial), superstructure (suprastruktur:
# regulasi, kelembagaan, prosedur). Setiap pilar dan daftar boleh dikosongkan.
readiness: {}
#   structure:
#     strengths: [Tim TIK tersedia di setiap OPD]
#     weaknesses: [Anggaran TIK masih kecil]
#     opportunities: [Dukungan program nasional]
#     threats: [Serangan siber]

# Isu strategis, satu kalimat per butir.
issues: []
#   - Data layanan tersebar di banyak OPD dan belum terpadu

# Uraian bab dalam Markdown (opsional). [teks](#ID) menautkan ke rekaman dengan id itu.
# narrative: |
#   ## Latar belakang
#
#   Program [PP-01](#PP-01) menjadi pijakan ...
`,

    2: (v: ScaffoldWorksheet) => `#
# Kertas kerja tahap 2 – Buku II: Penyelarasan Program OPD dan Quick Win
# Pokja ${v.pokja.name}
#
# Program OPD yang selaras dengan program prioritas RPJMD, dan quick win: program percepatan
# yang selesai dalam sekitar satu tahun dan langsung dirasakan warga. Untuk mengisi contoh:
# hapus "[]" pada kolomnya, lalu hapus tanda "# " di awal baris contoh (VS Code: Ctrl+/).
# Elemen Pokja ini: ${elements(v.pokja)}
# Periksa dengan: masterplan validate

pokja: ${v.pokja.id}
stage: 2
status: draft                 # draft → review → final
# title: Judul bab (opsional)

opd_programs: []
#   - opd: DISKOMINFO
#     program: Program Pengelolaan Aplikasi Informatika
#     code: "2.16.03"         # opsional
#     rpjmd: [PP-01]          # paling sedikit satu program prioritas RPJMD
#     element: ${v.pokja.elements[0]?.id ?? 'elemen'}

quick_wins: []
#   - id: QW-${v.pokja.code}-1           # unik di seluruh masterplan
#     title: Judul quick win
#     opd: DISKOMINFO
#     rpjmd: [PP-01]
#     year: ${v.year}                 # di dalam periode masterplan
#     description: Uraian singkat (Markdown, opsional).
`,

    3: (v: ScaffoldWorksheet) => `#
# Kertas kerja tahap 3 – Buku III: Inovasi Pokja
# Pokja ${v.pokja.name}
#
# Mulai dari program prioritas RPJMD, tentukan sektor prioritas dan tujuan pembangunannya,
# lalu rumuskan usulan inovasi. Setiap inovasi wajib berakar pada program prioritas RPJMD.
# Untuk mengisi contoh: hapus "[]" pada kolomnya, lalu hapus tanda "# " di awal baris
# contoh (VS Code: Ctrl+/).
# Elemen Pokja ini: ${elements(v.pokja)}
# Periksa dengan: masterplan validate

pokja: ${v.pokja.id}
stage: 3
status: draft                 # draft → review → final
# title: Judul bab (opsional)

sectors: []
#   - id: SEK-${v.pokja.code}-1
#     name: Nama sektor prioritas
#     goal: Tujuan pembangunan sektor ini
#     rpjmd: [PP-01]

innovations: []
#   - id: INO-${v.pokja.code}-1          # unik di seluruh masterplan
#     title: Judul inovasi
#     description: Uraian singkat (Markdown, opsional).
#     sector: SEK-${v.pokja.code}-1      # sektor Pokja ini
#     element: ${v.pokja.elements[0]?.id ?? 'elemen'}
#     rpjmd: [PP-01]          # paling sedikit satu program prioritas RPJMD
#     opd: DISKOMINFO         # OPD pelaksana
#     partners: []            # OPD mitra (opsional)
#     # quick_win: QW-${v.pokja.code}-1  # quick win tahap 2 yang diwujudkan (opsional)
#     horizon: short          # short (±1 tahun), medium (±5 tahun), long (s.d. 10 tahun)
#     years: [${v.year}, ${v.yearEnd}]     # tahun awal dan akhir, di dalam periode masterplan
#     indicators:             # opsional
#       - {name: Pengguna layanan, unit: orang, target: 1000, year: ${v.yearEnd}}
#     budget: {source: APBD, estimate: 250000000}   # APBD, APBN, DAK, BLUD, CSR, KPBU, lainnya
`,

    4: (v: ScaffoldWorksheet) => `#
# Kertas kerja tahap 4 – Buku IV: Peta Jalan dan Rencana Aksi
# Pokja ${v.pokja.name}
#
# Tonggak capaian per tahun untuk setiap inovasi tahap 3, dan regulasi pendukung. Inovasi
# tanpa entri peta jalan diberi peringatan. Untuk mengisi contoh: hapus "[]" pada kolomnya,
# lalu hapus tanda "# " di awal baris contoh (VS Code: Ctrl+/).
# Periksa dengan: masterplan validate

pokja: ${v.pokja.id}
stage: 4
status: draft                 # draft → review → final
# title: Judul bab (opsional)

roadmap: []
#   - innovation: INO-${v.pokja.code}-1
#     year: ${v.year}                 # di dalam tahun pelaksanaan inovasi
#     milestone: Peluncuran layanan tahap pertama
#     opd: DISKOMINFO         # opsional; bawaan: OPD pelaksana inovasi

regulations: []
#   - title: Peraturan Bupati tentang Masterplan Smart City
#     year: ${v.year}
#     status: planned         # planned (direncanakan), draft (rancangan), enacted (ditetapkan)
`,
  },

  // Region-level parts under umum/: one file per part, with guidance; placeholder texts in
  // parentheses are to be replaced.
  parts: {
    foreword: (v: ScaffoldProject) => `#
# Bagian umum: Kata Pengantar – di depan setiap buku dan masterplan, dengan blok tanda tangan
# ("<place>, <tanggal edisi>" / jabatan / nama). Teks di narrative (Markdown).

part: foreword
title: Kata Pengantar
narrative: |
  (Tulis kata pengantar Bupati atau ketua tim penyusun di sini.)
# signed:
#   name: Nama lengkap dengan gelar
#   position: Bupati ${v.region.replace(/^Kabupaten |^Kota /, '')}
`,
    team: (v: ScaffoldProject) => `#
# Bagian umum: Tim Penyusun – sesudah kata pengantar di setiap buku. agency: id OPD dari
# rpjmd.yaml (opsional).

part: team
members: []
#   - name: Nama anggota
#     role: Ketua
#     agency: DISKOMINFO
`,
    summary: (v: ScaffoldProject) => `#
# Bagian umum: teks pembuka Ringkasan Eksekutif (ringkasan.html / ringkasan.pdf). Angka,
# inovasi, quick win, pembiayaan dan peta jalan di ringkasan dibuat dari kertas kerja.

part: summary
narrative: |
  (Ringkas masterplan Smart City ${v.region} dalam satu atau dua paragraf.)
`,
    introduction: (v: ScaffoldProject) => `#
# Bagian umum: Pendahuluan – BAB I Buku I dan masterplan. Setiap kolom Markdown opsional.
# legal_basis tampil sebagai daftar bernomor: "Undang-Undang Nomor 23 Tahun 2014 tentang
# Pemerintahan Daerah".

part: introduction
background: |
  (Latar belakang penyusunan masterplan.)
# purpose: Maksud dan tujuan.
# scope: Ruang lingkup.
# method: Metode penyusunan (Bimtek, Pokja, pendampingan).
legal_basis:
  - type: Undang-Undang
    number: 23
    year: 2014
    title: Pemerintahan Daerah
  - type: Peraturan Presiden
    number: 95
    year: 2018
    title: Sistem Pemerintahan Berbasis Elektronik
`,
    profile: (v: ScaffoldProject) => `#
# Bagian umum: Gambaran Umum Daerah – Buku I dan masterplan. facts (data pokok) dan ict (kondisi
# TIK), masing-masing {name, value, unit, year, source}; value angka atau teks.

part: profile
facts: []
#   - {name: Luas wilayah, value: 1234.5, unit: km², year: ${v.period[0]}, source: BPS}
ict: []
#   - {name: Indeks SPBE, value: 2.5, unit: indeks, year: ${v.period[0]}, source: KemenPAN-RB}
`,
    vision: (v: ScaffoldProject) => `#
# Bagian umum: Visi dan Misi Smart City – Buku I dan masterplan. missions[].rpjmd: id misi RPJMD
# (rpjmd.yaml) yang dilayani; goals[].mission: id misi smart city di bagian ini. Id unik di seluruh
# masterplan dan bisa ditautkan dengan [teks](#ID).

part: vision
vision: ${v.yaml(`Visi smart city ${v.region} (ganti dengan rumusan resmi)`)}
# tagline: Slogan singkat
missions:
  - id: MSC-1
    text: Misi smart city pertama (ganti dengan rumusan resmi)
    rpjmd: [M1]
goals: []
#   - id: TSC-1
#     text: Tujuan smart city pertama
#     mission: MSC-1
#     indicators:
#       - {name: Indeks SPBE, unit: indeks, baseline: 2.5, target: 3.0, year: ${v.period[1]}}
`,
    governance: (v: ScaffoldProject) => `#
# Bagian umum: Tata Kelola – Buku IV dan masterplan: Dewan Smart City, Tim Pelaksana, dengan
# keputusan pembentukan (nomor, tanggal ISO) dan anggota. Evaluasi Kominfo memeriksa keputusan ini.

part: governance
bodies: []
#   - id: DEWAN-SC
#     name: Dewan Smart City
#     decree: {number: "000/001/${v.period[0]}", date: ${v.period[0]}-05-02}
#     members:
#       - {name: Nama, position: Bupati, role: Ketua}
`,
    financing: (v: ScaffoldProject) => `#
# Bagian umum: Rencana Pembiayaan – Buku IV dan masterplan. Tabel rekapitulasi per Pokja × sumber
# dan per tahun dibuat dengan sendirinya dari budget inovasi (tahap 3); tulis di sini polanya.

part: financing
narrative: |
  (Pola pembiayaan: APBD dan sumber di luar APBD.)
`,
    closing: (v: ScaffoldProject) => `#
# Bagian umum: Penutup – bab terakhir Buku IV dan masterplan.

part: closing
narrative: |
  (Tulis penutup di sini.)
`,
    glossary: (v: ScaffoldProject) => `#
# Bagian umum: Daftar Istilah dan Singkatan – lampiran setiap buku. Id dan nama OPD dari rpjmd.yaml
# ditambahkan dengan sendirinya.

part: glossary
terms:
  - {term: RPJMD, meaning: Rencana Pembangunan Jangka Menengah Daerah}
  - {term: SPBE, meaning: Sistem Pemerintahan Berbasis Elektronik}
`,
    commitment: (v: ScaffoldProject) => `#
# Bagian umum: Lembar Komitmen – di masterplan, sesudah tim penyusun, dengan baris tanda tangan
# untuk kepala daerah dan kepala OPD.

part: commitment
statement: |
  (Pernyataan komitmen melaksanakan masterplan Smart City ${v.region}.)
signatories: []
#   - {name: Nama, position: Bupati}
`,
  },

  preCommit: (v: PreCommitVars) => `# pre-commit (https://pre-commit.com): memeriksa kertas kerja yang berubah sebelum setiap commit.
# Pasang sekali per komputer: pip install pre-commit (atau apt install pre-commit), lalu di
# folder ini: pre-commit install
# Hook ini menjalankan perintah masterplan yang terpasang di komputer ini (paket npm atau berkas
# executable bernama masterplan di PATH; lihat README masterplan, bagian Memasang).
repos:
  - repo: local
    hooks:
      - id: masterplan-validate
        name: masterplan validate
        entry: masterplan validate
        language: system
        files: ${v.files}
        pass_filenames: true
`,
};

export type Scaffold = typeof scaffoldId;
