/** An object of an incremental update: its number and its body (what goes between `obj` and `endobj`). */
export interface RevisionObject {
  id: number;
  body: string;
}

interface Trailer {
  size: number;
  root: string;
  info?: string;
  id?: string;
  startxref: number;
}

/** The last trailer of a PDF written with a cross-reference table (as pdfkit writes it). */
function lastTrailer(pdf: Buffer): Trailer {
  const tail = pdf.subarray(Math.max(0, pdf.length - 2048)).toString('latin1');
  const trailer = tail.slice(tail.lastIndexOf('trailer'));
  const size = /\/Size (\d+)/.exec(trailer);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer);
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(trailer);
  if (!size || !root || !startxref) throw new Error('PDF without a readable trailer: cannot append a revision');
  return {
    size: Number(size[1]),
    root: root[1],
    info: /\/Info (\d+ \d+ R)/.exec(trailer)?.[1],
    id: /\/ID\s*(\[[^\]]*\])/.exec(trailer)?.[1],
    startxref: Number(startxref[1]),
  };
}

/**
 * Appends an incremental update (ISO 32000-1 §7.5.6): new or replaced objects, a
 * cross-reference section for just them, and a trailer pointing back (/Prev) to the previous
 * one. The bytes before stay untouched, so signatures over them stay valid. `objects` gets the
 * first unused object number.
 */
export function appendRevision(pdf: Buffer, objects: (nextId: number) => RevisionObject[]): Buffer {
  const previous = lastTrailer(pdf);
  const added = objects(previous.size).sort((a, b) => a.id - b.id);
  const parts: string[] = [];
  let offset = pdf.length;
  const push = (text: string) => {
    parts.push(text);
    offset += Buffer.byteLength(text, 'latin1');
  };
  push('\n');
  const offsets = added.map((object) => {
    const at = offset;
    push(`${object.id} 0 obj\n${object.body}\nendobj\n`);
    return at;
  });
  const xref = offset;
  // One subsection per object; each entry is exactly 20 bytes (§7.5.4).
  push(`xref\n${added.map((o, i) => `${o.id} 1\n${String(offsets[i]).padStart(10, '0')} 00000 n \n`).join('')}`);
  const size = Math.max(previous.size, ...added.map((o) => o.id + 1));
  const entries = [`/Size ${size}`, `/Root ${previous.root}`];
  if (previous.info) entries.push(`/Info ${previous.info}`);
  if (previous.id) entries.push(`/ID ${previous.id}`);
  entries.push(`/Prev ${previous.startxref}`);
  push(`trailer\n<<\n${entries.join('\n')}\n>>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat([pdf, Buffer.from(parts.join(''), 'latin1')]);
}
