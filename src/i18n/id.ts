// Indonesian: the default language for messages and for generated text in the books.
// Every user-visible string lives here and in en.ts (same shape, checked by the compiler).

export const id = {
  code: 'id',
  bcp47: 'id-ID',
  messages: {
    // load / syntax / encoding
    notUtf8: (byte: string) => `berkas bukan UTF-8 yang sah (bita ${byte}); simpan ulang sebagai UTF-8`,
    binaryFile: 'berkas berisi karakter NUL: tampaknya berkas biner, bukan teks',
    emptyFile: 'berkas kosong',
    fileTooLarge: (mb: string, limit: string) => `berkas terlalu besar (${mb} MB; batas ${limit} MB)`,
    yamlError: (detail: string) => `YAML tidak sah: ${detail}`,
    duplicateKey: (key: string) => `kunci "${key}" ditulis dua kali dalam peta yang sama`,
    tabIndent: 'tab tidak boleh dipakai untuk indentasi YAML; gunakan spasi',
    multipleDocuments: 'berkas berisi lebih dari satu dokumen YAML (pemisah "---")',
    aliasBomb: (max: number) => `terlalu banyak alias YAML (lebih dari ${max}); kemungkinan "bom alias"`,
    tooDeep: (max: number) => `struktur bersarang terlalu dalam (lebih dari ${max} tingkat)`,
    noFrontMatter: 'berkas .md harus diawali front matter YAML di antara baris "---"',
    unclosedFrontMatter: 'front matter tidak ditutup: tambahkan baris "---" setelah data YAML',
    notAMapping: 'isi berkas harus berupa peta YAML (pasangan kunci: nilai)',
    // schema
    required: (field: string) => `kolom wajib "${field}" belum diisi`,
    unknownField: (field: string) => `kolom "${field}" tidak dikenal`,
    didYouMean: (name: string) => `maksud Anda "${name}"?`,
    allowedFields: (names: string) => `kolom yang dikenal: ${names}`,
    wrongType: (expected: string) => `tipe salah: seharusnya ${expected}`,
    typeNames: {
      string: 'teks',
      number: 'angka',
      integer: 'bilangan bulat',
      boolean: 'true/false',
      array: 'daftar',
      object: 'peta (kunci: nilai)',
      null: 'kosong',
    } as Record<string, string>,
    mustBeOneOf: (values: string) => `nilai harus salah satu dari: ${values}`,
    mustEqual: (value: string) => `nilai harus ${value}`,
    badPattern: (value: string) => `"${value}" tidak sesuai format yang diminta`,
    badId: (value: string) =>
      `id "${value}" tidak sah: gunakan huruf, angka, ".", "_" atau "-", diawali huruf atau angka`,
    minItems: (n: number) => `daftar harus berisi paling sedikit ${n} butir`,
    maxItems: (n: number) => `daftar paling banyak berisi ${n} butir`,
    minimum: (n: number) => `nilai paling kecil ${n}`,
    maximum: (n: number) => `nilai paling besar ${n}`,
    emptyValue: 'nilai tidak boleh kosong',
    duplicateItem: 'butir yang sama ditulis dua kali dalam daftar',
    badYearKey: (key: string) => `"${key}" bukan tahun (empat angka)`,
    schemaOther: (detail: string) => `nilai tidak sah: ${detail}`,
    stageInvalid: 'kolom "stage" harus 1, 2, 3 atau 4',
    elementsRequired: (pokja: string) =>
      `Pokja "${pokja}" bukan salah satu dari enam dimensi bawaan: kolom "elements" wajib diisi`,
    // references
    unknownRef: (what: string, id: string) => `${what} "${id}" tidak ditemukan`,
    wrongKind: (id: string, actual: string, expected: string) => `"${id}" adalah ${actual}, bukan ${expected}`,
    elementNotInPokja: (element: string, pokja: string) =>
      `elemen "${element}" bukan elemen Pokja ${pokja}`,
    sectorOtherPokja: (sector: string, owner: string, pokja: string) =>
      `sektor "${sector}" milik Pokja ${owner}, bukan Pokja ${pokja}`,
    unknownLink: (id: string) => `tautan "#${id}" tidak menunjuk ke id mana pun`,
    duplicateId: (id: string, where: string) => `id "${id}" sudah dipakai di ${where}`,
    unknownPokja: (id: string) => `Pokja "${id}" tidak ada dalam masterplan.yaml`,
    // years
    yearOutsidePeriod: (year: number, from: number, to: number, what: string) =>
      `tahun ${year} di luar periode ${what} (${from}–${to})`,
    yearsReversed: (from: number, to: number) => `tahun awal ${from} sesudah tahun akhir ${to}`,
    roadmapOutsideInnovation: (year: number, id: string, from: number, to: number) =>
      `tahun ${year} di luar tahun pelaksanaan inovasi ${id} (${from}–${to})`,
    periodMasterplan: 'masterplan',
    periodRpjmd: 'RPJMD',
    // paths
    pathOutside: (p: string) => `path "${p}" keluar dari repositori masterplan`,
    imageNotFound: (p: string) => `gambar "${p}" tidak ditemukan`,
    imageRemote: (p: string) => `gambar "${p}" harus berupa berkas di dalam repositori, bukan alamat web`,
    rpjmdMissing: (p: string) => `katalog RPJMD "${p}" tidak ditemukan`,
    templatesMissing: (p: string) => `folder templat "${p}" tidak ditemukan`,
    // warnings
    missingWorksheet: (pokja: string, stage: number) => `Pokja ${pokja} belum punya kertas kerja tahap ${stage}`,
    uncoveredProgram: (id: string) => `program RPJMD ${id} belum dirujuk oleh inovasi mana pun`,
    unplannedInnovation: (id: string) => `inovasi ${id} belum punya entri peta jalan (tahap 4)`,
    // kinds, as used in messages
    kinds: {
      mission: 'misi',
      goal: 'tujuan',
      target: 'sasaran',
      program: 'program RPJMD',
      opd: 'OPD',
      'quick-win': 'quick win',
      sector: 'sektor',
      innovation: 'inovasi',
      pokja: 'Pokja',
      element: 'elemen',
    } as Record<string, string>,
    // CLI
    summary: (errors: number, warnings: number, files: number) =>
      `${errors} galat, ${warnings} peringatan, ${files} berkas diperiksa`,
    clean: (files: number) => `tidak ada masalah (${files} berkas diperiksa)`,
    severity: { error: 'galat', warning: 'peringatan' } as Record<string, string>,
    noMasterplan: (dir: string) =>
      `masterplan.yaml tidak ditemukan di ${dir} (atau folder di atasnya); jalankan perintah di folder masterplan`,
    notADirectory: (dir: string) => `folder ${dir} tidak ditemukan`,
    internalError: (detail: string) => `kesalahan internal: ${detail}`,
    badOption: (name: string, value: string, allowed: string) =>
      `nilai "${value}" tidak sah untuk ${name}; pilihan: ${allowed}`,
  },
};

export type Locale = typeof id;
