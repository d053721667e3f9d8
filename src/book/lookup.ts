// What the section builders ask of the model again and again: the records and relations of the
// model's one index (src/model/record-index.ts), names and links to records, the RPJMD chain.

import type { Locale } from '../i18n/index.js';
import type { Markdown, Masterplan, Mission } from '../model/types.js';
import { lowerMarkdown } from './lower-markdown.js';
import type { RecordIndex } from '../model/record-index.js';
import { ref, text } from './inline.js';
import type { BookMarkdown, Inline } from './types.js';

export class Lookup {
  /** The model's one index of records (src/model/record-index.ts). */
  readonly index: RecordIndex;
  /** Each text lowered once, for every book that shows it. */
  private readonly lowered = new Map<Markdown, BookMarkdown>();

  constructor(
    readonly model: Masterplan,
    readonly loc: Locale,
  ) {
    this.index = model.index;
  }

  /** A user's Markdown text as the books show it: links and images resolved (lower-markdown.ts). */
  markdown(md: Markdown): BookMarkdown {
    let out = this.lowered.get(md);
    if (!out) {
      out = lowerMarkdown(this.model.root, md);
      this.lowered.set(md, out);
    }
    return out;
  }

  pokjaName(id: string): string {
    return this.index.pokja.get(id)?.name ?? id;
  }

  elementName(pokjaId: string, elementId: string): string {
    return this.index.pokja.get(pokjaId)?.elements.find((e) => e.id === elementId)?.name ?? elementId;
  }

  /** "PP-07 Pemberdayaan UMKM" as a link. */
  programRef(id: string): Inline {
    const p = this.index.programs.get(id);
    return ref(id, p ? `${id} ${p.name}` : id);
  }

  opdRef(id: string): Inline {
    return ref(id, id);
  }

  innovationRef(id: string): Inline {
    const i = this.index.innovations.get(id);
    return ref(id, i ? `${id} ${i.title}` : id);
  }

  /** Program → sasaran → tujuan → misi, as links: the chain every innovation must trace back to. */
  chain(programId: string): Inline[] {
    const p = this.index.programs.get(programId);
    const t = p && this.index.targets.get(p.target);
    const g = t && this.index.goals.get(t.goal);
    const m = g && this.index.missions.get(g.mission);
    const b = this.loc.book;
    const out: Inline[] = [];
    if (m) out.push(ref(m.id, `${b.mission} ${m.id}`), text(' → '));
    if (g) out.push(ref(g.id, `${b.goal} ${g.id}`), text(' → '));
    if (t) out.push(ref(t.id, `${b.target} ${t.id}`), text(' → '));
    out.push(this.programRef(programId));
    return out;
  }

  /** The mission a program serves (through its sasaran and tujuan), if the chain is complete. */
  missionOf(programId: string): Mission | undefined {
    return this.model.index.missionOf(programId);
  }
}
