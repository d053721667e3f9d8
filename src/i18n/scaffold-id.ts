// The Indonesian texts of what `masterplan init` writes: guidance comments, placeholder prose,
// titles and names, and nothing else. The files themselves (keys, structure, placeholder ids and
// numbers, where each comment goes) are written once for every language by
// src/scaffold/skeleton.ts, which puts these texts into their slots. scaffold-en.ts has the same
// keys (the compiler checks it against this table). A text of several lines is a comment block:
// the template starts each line with "# ". Texts that land in a YAML value are written as they
// are, so keep them plain YAML (no leading "-", "[", "{", no ": " or " #").

export const scaffoldId = {
  masterplan: {
    intro: (region: string) => `Pengaturan masterplan Smart City ${region}.
Setiap kolom punya penjelasan: di VS Code (dengan ekstensi YAML dari Red Hat) arahkan
kursor ke nama kolom, atau tekan Ctrl+Spasi untuk daftar kolom yang boleh diisi.
Periksa seluruh masterplan dengan: masterplan validate`,
    version: 'versi format (selalu 1)',
    period: 'tahun pertama dan terakhir masterplan',
    language: 'bahasa buku dan pesan: id atau en',
    rpjmd: 'katalog RPJMD',
    cover: 'Sampul dan edisi buku (semua opsional).',
    issuer: (region: string) => `Pemerintah ${region}`,
    issuerNote: 'baris teratas sampul',
    agencyNote: 'id OPD penyusun (dari rpjmd.yaml), ditampilkan di sampul',
    placeExample: 'Nama ibu kota',
    placeNote: 'tempat penandatanganan kata pengantar: "Luwuk, 28 April 2023"',
    logoExample: 'assets/lambang.png',
    logoNote: 'lambang daerah, PNG atau JPEG di dalam repositori',
    statusNote: 'draft (tanda DRAF di setiap halaman), review (TELAAH) atau final',
    dateNote: 'tanggal resmi edisi (ISO); bawaan: tanggal build',
    booksNote: 'judul keempat buku (bawaan di bawah ini)',
    books: {
      1: 'Analisis Strategis',
      2: 'Penyelarasan Program OPD dan Quick Win',
      3: 'Inovasi Pokja',
      4: 'Peta Jalan dan Rencana Aksi',
    },
    pokja: `Enam Pokja (dimensi Smart City, panduan Kominfo "Gerakan Menuju 100 Smart City").
lead: id OPD pengampu Pokja, dari daftar opd di rpjmd.yaml (opsional).
Elemen tiap dimensi sudah bawaan; tulis "elements" hanya untuk mengubahnya.`,
  },

  rpjmd: {
    intro: (region: string) => `Katalog RPJMD ${region}: visi → misi → tujuan → sasaran → program prioritas, dan OPD.
Isian di bawah hanya PENGGANTI SEMENTARA agar masterplan langsung bisa diperiksa: ganti
dengan rumusan resmi RPJMD daerah Anda. Setiap id harus unik di seluruh masterplan; kertas
kerja Pokja merujuk program prioritas lewat id-nya (mis. rpjmd: [PP-01]).`,
    period: 'periode RPJMD',
    vision: (region: string) => `Visi RPJMD ${region} (ganti dengan rumusan resmi)`,
    missions: 'misi',
    mission: 'Misi pertama RPJMD (ganti dengan rumusan resmi)',
    missionPokja: 'dimensi yang dipetakan ke misi ini (opsional)',
    goals: 'tujuan',
    goal: 'Tujuan pertama misi 1 (ganti dengan rumusan resmi)',
    targets: 'sasaran',
    target: 'Sasaran pertama tujuan 1.1 (ganti dengan rumusan resmi)',
    programs: 'program prioritas',
    program: 'Program prioritas pertama (ganti dengan nama resmi)',
    programTarget: 'sasaran yang dilayani program ini',
    programCode: 'kode program Permendagri 90/2019 (opsional, dengan tanda kutip)',
    indicator: 'Indeks SPBE',
    indicatorUnit: 'indeks',
    opd: 'organisasi perangkat daerah',
  },

  /** What the four stage worksheets share. */
  worksheet: {
    checkWith: 'Periksa dengan: masterplan validate',
    elementsOfPokja: (elements: string) => `Elemen Pokja ini: ${elements}`,
    /** Stands for an element id when the Pokja has none. */
    element: 'elemen',
    titleExample: 'Judul bab (opsional)',
    optional: 'opsional',
    uniqueId: 'unik di seluruh masterplan',
    atLeastOneProgram: 'paling sedikit satu program prioritas RPJMD',
    shortDescription: 'Uraian singkat (Markdown, opsional).',
  },

  stages: {
    1: {
      title: 'Kertas kerja tahap 1 – Buku I: Analisis Strategis',
      intro: `Telaah program prioritas RPJMD yang menjadi pijakan dimensi ini, program Renstra OPD yang
membawanya, kesiapan daerah (SWOT per pilar) dan isu strategis. Id program dan OPD diambil
dari rpjmd.yaml. Untuk mengisi contoh: hapus "[]" atau "{}" pada kolomnya, lalu hapus tanda
"# " di awal baris contoh (di VS Code: pilih barisnya, tekan Ctrl+/).`,
      analysis: 'Program prioritas RPJMD yang dibangun dimensi ini.',
      relevance: 'Mengapa program ini penting bagi dimensi (Markdown).',
      renstra: 'program Renstra OPD yang membawanya (opsional)',
      readiness: `Kesiapan daerah, SWOT per pilar: structure (struktur: SDM, anggaran, tata kelola),
infrastructure (infrastruktur fisik, digital, sosial), superstructure (suprastruktur:
regulasi, kelembagaan, prosedur). Setiap pilar dan daftar boleh dikosongkan.`,
      strength: 'Tim TIK tersedia di setiap OPD',
      weakness: 'Anggaran TIK masih kecil',
      opportunity: 'Dukungan program nasional',
      threat: 'Serangan siber',
      issues: 'Isu strategis, satu kalimat per butir.',
      issue: 'Data layanan tersebar di banyak OPD dan belum terpadu',
      narrative: 'Uraian bab dalam Markdown (opsional). [teks](#ID) menautkan ke rekaman dengan id itu.',
      narrativeHeading: 'Latar belakang',
      narrativeText: 'menjadi pijakan ...',
    },
    2: {
      title: 'Kertas kerja tahap 2 – Buku II: Penyelarasan Program OPD dan Quick Win',
      intro: `Program OPD yang selaras dengan program prioritas RPJMD, dan quick win: program percepatan
yang selesai dalam sekitar satu tahun dan langsung dirasakan warga. Untuk mengisi contoh:
hapus "[]" pada kolomnya, lalu hapus tanda "# " di awal baris contoh (VS Code: Ctrl+/).`,
      quickWinTitle: 'Judul quick win',
      quickWinYear: 'di dalam periode masterplan',
    },
    3: {
      title: 'Kertas kerja tahap 3 – Buku III: Inovasi Pokja',
      intro: `Mulai dari program prioritas RPJMD, tentukan sektor prioritas dan tujuan pembangunannya,
lalu rumuskan usulan inovasi. Setiap inovasi wajib berakar pada program prioritas RPJMD.
Untuk mengisi contoh: hapus "[]" pada kolomnya, lalu hapus tanda "# " di awal baris
contoh (VS Code: Ctrl+/).`,
      sectorName: 'Nama sektor prioritas',
      sectorGoal: 'Tujuan pembangunan sektor ini',
      innovationTitle: 'Judul inovasi',
      sector: 'sektor Pokja ini',
      opd: 'OPD pelaksana',
      partners: 'OPD mitra (opsional)',
      quickWin: 'quick win tahap 2 yang diwujudkan (opsional)',
      horizon: 'short (±1 tahun), medium (±5 tahun), long (s.d. 10 tahun)',
      years: 'tahun awal dan akhir, di dalam periode masterplan',
      indicator: 'Pengguna layanan',
      indicatorUnit: 'orang',
    },
    4: {
      title: 'Kertas kerja tahap 4 – Buku IV: Peta Jalan dan Rencana Aksi',
      intro: `Tonggak capaian per tahun untuk setiap inovasi tahap 3, dan regulasi pendukung. Inovasi
tanpa entri peta jalan diberi peringatan. Untuk mengisi contoh: hapus "[]" pada kolomnya,
lalu hapus tanda "# " di awal baris contoh (VS Code: Ctrl+/).`,
      year: 'di dalam tahun pelaksanaan inovasi',
      milestone: 'Peluncuran layanan tahap pertama',
      opd: 'opsional; bawaan: OPD pelaksana inovasi',
      status: 'planned (direncanakan), draft (rancangan), enacted (ditetapkan)',
    },
  },

  // Region-level parts under umum/: where each appears; texts in parentheses are placeholders.
  parts: {
    foreword: {
      intro: `Bagian umum: Kata Pengantar – di depan setiap buku dan masterplan, dengan blok tanda tangan
("<place>, <tanggal edisi>" / jabatan / nama). Teks di narrative (Markdown).`,
      title: 'Kata Pengantar',
      narrative: '(Tulis kata pengantar Bupati atau ketua tim penyusun di sini.)',
      name: 'Nama lengkap dengan gelar',
      /** The regional head's position, with the region's name without "Kabupaten" / "Kota". */
      position: (name: string) => `Bupati ${name}`,
    },
    team: {
      intro: `Bagian umum: Tim Penyusun – sesudah kata pengantar di setiap buku. agency: id OPD dari
rpjmd.yaml (opsional).`,
      name: 'Nama anggota',
      role: 'Ketua',
    },
    summary: {
      intro: `Bagian umum: teks pembuka Ringkasan Eksekutif (ringkasan.html / ringkasan.pdf). Angka,
inovasi, quick win, pembiayaan dan peta jalan di ringkasan dibuat dari kertas kerja.`,
      narrative: (region: string) => `(Ringkas masterplan Smart City ${region} dalam satu atau dua paragraf.)`,
    },
    introduction: {
      intro: `Bagian umum: Pendahuluan – BAB I Buku I dan masterplan. Setiap kolom Markdown opsional.
legal_basis tampil sebagai daftar bernomor: "Undang-Undang Nomor 23 Tahun 2014 tentang
Pemerintahan Daerah".`,
      background: '(Latar belakang penyusunan masterplan.)',
      purpose: 'Maksud dan tujuan.',
      scope: 'Ruang lingkup.',
      method: 'Metode penyusunan (Bimtek, Pokja, pendampingan).',
    },
    profile: {
      intro: `Bagian umum: Gambaran Umum Daerah – Buku I dan masterplan. facts (data pokok) dan ict (kondisi
TIK), masing-masing {name, value, unit, year, source}; value angka atau teks.`,
      area: 'Luas wilayah',
      indicator: 'Indeks SPBE',
      indicatorUnit: 'indeks',
    },
    vision: {
      intro: `Bagian umum: Visi dan Misi Smart City – Buku I dan masterplan. missions[].rpjmd: id misi RPJMD
(rpjmd.yaml) yang dilayani; goals[].mission: id misi smart city di bagian ini. Id unik di seluruh
masterplan dan bisa ditautkan dengan [teks](#ID).`,
      vision: (region: string) => `Visi smart city ${region} (ganti dengan rumusan resmi)`,
      tagline: 'Slogan singkat',
      mission: 'Misi smart city pertama (ganti dengan rumusan resmi)',
      goal: 'Tujuan smart city pertama',
      indicator: 'Indeks SPBE',
      indicatorUnit: 'indeks',
    },
    governance: {
      intro: `Bagian umum: Tata Kelola – Buku IV dan masterplan: Dewan Smart City, Tim Pelaksana, dengan
keputusan pembentukan (nomor, tanggal ISO) dan anggota. Evaluasi Kominfo memeriksa keputusan ini.`,
      name: 'Nama',
      position: 'Bupati',
      role: 'Ketua',
    },
    financing: {
      intro: `Bagian umum: Rencana Pembiayaan – Buku IV dan masterplan. Tabel rekapitulasi per Pokja × sumber
dan per tahun dibuat dengan sendirinya dari budget inovasi (tahap 3); tulis di sini polanya.`,
      narrative: '(Pola pembiayaan: APBD dan sumber di luar APBD.)',
    },
    closing: {
      intro: 'Bagian umum: Penutup – bab terakhir Buku IV dan masterplan.',
      narrative: '(Tulis penutup di sini.)',
    },
    glossary: {
      intro: `Bagian umum: Daftar Istilah dan Singkatan – lampiran setiap buku. Id dan nama OPD dari rpjmd.yaml
ditambahkan dengan sendirinya.`,
      rpjmd: 'Rencana Pembangunan Jangka Menengah Daerah',
      spbe: 'Sistem Pemerintahan Berbasis Elektronik',
    },
    commitment: {
      intro: `Bagian umum: Lembar Komitmen – di masterplan, sesudah tim penyusun, dengan baris tanda tangan
untuk kepala daerah dan kepala OPD.`,
      statement: (region: string) => `(Pernyataan komitmen melaksanakan masterplan Smart City ${region}.)`,
      name: 'Nama',
      position: 'Bupati',
    },
  },

  preCommit: {
    intro: `pre-commit (https://pre-commit.com): memeriksa kertas kerja yang berubah sebelum setiap commit.
Pasang sekali per komputer: pip install pre-commit (atau apt install pre-commit), lalu di
folder ini: pre-commit install
Hook ini menjalankan perintah masterplan yang terpasang di komputer ini (paket npm atau berkas
executable bernama masterplan di PATH; lihat README masterplan, bagian Memasang).`,
  },
};

/** The texts of the scaffold in one language (scaffold-en.ts has this shape). */
export type ScaffoldText = typeof scaffoldId;
