/**
 * A streaming tokenizer for the XML inside an .xlsx: elements, attributes and text, with the
 * five named entities and character references decoded. Written by hand because saxes, a
 * full XML parser, took 60 % of `check` on a 5,000-row roster, and SpreadsheetML as Excel,
 * WPS and LibreOffice write it needs none of what makes XML costly to parse (a DTD, entities
 * of its own, namespaces resolved). It still refuses what it does not read as XML — a tag
 * left open or closed out of turn, a DOCTYPE, an unknown entity, text outside the root — so
 * a damaged part is an error, never a silently different table.
 *
 * The events are saxes's, as the readers used them: open(name, attributes), close(name) —
 * a self-closing tag gives both — and text (never empty; CDATA arrives as text).
 */
export interface XmlEvents {
  open(name: string, attrs: Record<string, string>): void;
  close(name: string): void;
  text(t: string): void;
}

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&([^;&\s]{1,10});|&/g, (m, name: string | undefined) => {
    if (name === undefined) throw new Error('a bare & in text');
    if (name.charCodeAt(0) === 35 /* # */) {
      const cp = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (!Number.isInteger(cp) || cp < 0 || cp > 0x10ffff || !/^#(x[\da-f]+|\d+)$/i.test(name)) throw new Error(`a bad character reference ${m}`);
      return String.fromCodePoint(cp);
    }
    const c = NAMED[name];
    if (c === undefined) throw new Error(`an unknown entity ${m}`);
    return c;
  });
}

/** XML's white space: space, tab, line feed, carriage return. */
const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

export class XmlScanner {
  private rest = '';
  private readonly open: string[] = [];
  private rootDone = false;

  constructor(private readonly on: XmlEvents) {}

  /** Feeds the next piece of the document (a tag or text may be split anywhere between pieces). */
  write(piece: string): void {
    const buf = this.rest + piece;
    let i = 0;
    for (;;) {
      const lt = buf.indexOf('<', i);
      if (lt < 0) break;
      if (lt > i) this.text(buf.slice(i, lt));
      const end = this.tag(buf, lt);
      if (end < 0) {
        this.rest = buf.slice(lt);
        return;
      }
      i = end;
    }
    // Text up to the end is kept until its end is seen (an entity may be cut in two).
    this.rest = buf.slice(i);
  }

  /** The document has ended: everything opened must have been closed. */
  close(): void {
    if (this.rest.trim() !== '') throw new Error(this.rest.startsWith('<') ? 'the document ends inside a tag' : 'text after the root element');
    if (this.rest !== '') this.text(this.rest);
    if (this.open.length > 0) throw new Error(`<${this.open.at(-1)}> is never closed`);
    if (!this.rootDone) throw new Error('no root element');
  }

  private text(t: string): void {
    // Outside the root only white space may stand (given as text, as saxes gives it).
    if (this.open.length === 0 && t.trim() !== '') throw new Error('text outside the root element');
    // XML's line ends: \r\n and a lone \r read as \n.
    this.on.text(decode(t.indexOf('\r') < 0 ? t : t.replace(/\r\n?/g, '\n')));
  }

  /** Reads the markup at `lt`; returns the index after it, or -1 when it is not all here yet. */
  private tag(buf: string, lt: number): number {
    const next = buf.charCodeAt(lt + 1);
    if (Number.isNaN(next)) return -1;
    if (next === 63 /* ? */) {
      const e = buf.indexOf('?>', lt + 2);
      return e < 0 ? -1 : e + 2;
    }
    if (next === 33 /* ! */) {
      if (buf.length < lt + 9) return -1;
      if (buf.startsWith('<!--', lt)) {
        const e = buf.indexOf('-->', lt + 4);
        return e < 0 ? -1 : e + 3;
      }
      if (buf.startsWith('<![CDATA[', lt)) {
        const e = buf.indexOf(']]>', lt + 9);
        if (e < 0) return -1;
        if (this.open.length === 0) throw new Error('CDATA outside the root element');
        if (e > lt + 9) this.on.text(buf.slice(lt + 9, e));
        return e + 3;
      }
      throw new Error('a DOCTYPE or declaration, which a spreadsheet part does not have');
    }
    if (next === 47 /* / */) {
      const e = buf.indexOf('>', lt + 2);
      if (e < 0) return -1;
      const name = buf.slice(lt + 2, e).trimEnd();
      const top = this.open.pop();
      if (top !== name) throw new Error(top === undefined ? `</${name}> closes nothing` : `</${name}> closes <${top}>`);
      if (this.open.length === 0) this.rootDone = true;
      this.on.close(name);
      return e + 1;
    }
    // An element: its name, then attributes up to > or />.
    let p = lt + 1;
    for (let c = buf.charCodeAt(p); p < buf.length && !isSpace(c) && c !== 47 && c !== 62; c = buf.charCodeAt(++p));
    if (p >= buf.length) return -1;
    const name = buf.slice(lt + 1, p);
    if (name === '') throw new Error('a tag without a name');
    const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
    for (;;) {
      while (p < buf.length && isSpace(buf.charCodeAt(p))) p++;
      if (p >= buf.length) return -1;
      const c = buf.charCodeAt(p);
      if (c === 62 /* > */ || c === 47 /* / */) {
        const selfClosing = c === 47;
        if (selfClosing) {
          if (p + 1 >= buf.length) return -1;
          if (buf.charCodeAt(p + 1) !== 62) throw new Error(`a / inside <${name}>`);
        }
        if (this.rootDone) throw new Error('a second root element');
        this.on.open(name, attrs);
        if (selfClosing) {
          if (this.open.length === 0) this.rootDone = true;
          this.on.close(name);
          return p + 2;
        }
        this.open.push(name);
        return p + 1;
      }
      const eq = buf.indexOf('=', p);
      if (eq < 0) return -1;
      const key = buf.slice(p, eq).trim();
      if (key === '' || /[\s<>"']/.test(key)) throw new Error(`a malformed attribute in <${name}>`);
      let q = eq + 1;
      while (q < buf.length && isSpace(buf.charCodeAt(q))) q++;
      if (q >= buf.length) return -1;
      const quote = buf[q];
      if (quote !== '"' && quote !== "'") throw new Error(`an unquoted attribute ${key} in <${name}>`);
      const close = buf.indexOf(quote, q + 1);
      if (close < 0) return -1;
      const raw = buf.slice(q + 1, close);
      if (raw.includes('<')) throw new Error(`a < inside the attribute ${key} of <${name}>`);
      if (Object.hasOwn(attrs, key)) throw new Error(`the attribute ${key} twice in <${name}>`);
      // XML normalises a tab or line end written in an attribute to a space (a reference stays).
      attrs[key] = decode(/[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw);
      p = close + 1;
    }
  }
}
