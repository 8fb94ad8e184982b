// Recursive descent over the tokens of lex(), one function per precedence level
// (OR < AND < NEAR < NOT < primary). Recursion only happens through '(', NOT/'-' and field
// filters, and each of those counts against MAX_QUERY_DEPTH, so a hostile query of 10 000
// parentheses fails with a QuerySyntaxError long before the stack is in danger.
import {
  SOURCE_CATEGORIES,
  TOPIC_IDS,
  type SourceCategory,
  type TopicId,
} from '../../src/schema.ts';
import {
  MAX_QUERY_DEPTH,
  MAX_QUERY_LENGTH,
  type LeafNode,
  type MetadataNode,
  type QueryNode,
} from './ast.ts';
import { QuerySyntaxError } from './errors.ts';
import { clip, lex, type Tok } from './lexer.ts';
import { syllablesAsWritten } from './text.ts';

const TONES = ['positive', 'negative', 'neutral'] as const;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EXPECTED_ITEM = "expected a term, phrase, filter or '('";

/** Parses one query; throws QuerySyntaxError naming the offset and what was expected. */
export function parseQuery(text: string): QueryNode {
  if (typeof text !== 'string') throw new QuerySyntaxError(-1, 'expected the query as a string');
  if (text.length > MAX_QUERY_LENGTH) {
    throw new QuerySyntaxError(
      MAX_QUERY_LENGTH,
      `query longer than ${MAX_QUERY_LENGTH} characters (${text.length})`,
    );
  }
  return new Parser(lex(text)).parse();
}

class Parser {
  private at = 0;
  private depth = 0;
  private inField = false;

  constructor(private readonly toks: Tok[]) {}

  parse(): QueryNode {
    if (this.tok.kind === 'eof') throw new QuerySyntaxError(0, `empty query, ${EXPECTED_ITEM}`);
    const node = this.or();
    const t = this.tok;
    if (t.kind === 'rparen') {
      throw new QuerySyntaxError(t.pos, "unbalanced parenthesis, unexpected ')' without '('");
    }
    if (t.kind !== 'eof') throw new QuerySyntaxError(t.pos, `unexpected ${describe(t)}`);
    return node;
  }

  private get tok(): Tok {
    // lex() always ends with eof, and nothing advances past it.
    return this.toks[this.at] ?? { kind: 'eof', pos: 0 };
  }

  private next(): Tok {
    const t = this.tok;
    if (t.kind !== 'eof') this.at++;
    return t;
  }

  private or(): QueryNode {
    const children = [this.and()];
    while (this.tok.kind === 'or') {
      const op = this.next();
      this.expectItem(op, 'OR');
      children.push(this.and());
    }
    return children.length === 1 && children[0] ? children[0] : { type: 'or', children };
  }

  private and(): QueryNode {
    const children = [this.near()];
    for (;;) {
      const t = this.tok;
      if (t.kind === 'and') {
        this.next();
        this.expectItem(t, 'AND');
      } else if (t.kind === 'near') {
        throw new QuerySyntaxError(
          t.pos,
          'NEAR joins one term or phrase on each side and cannot be chained; use AND between NEAR groups',
        );
      } else if (!startsItem(t)) {
        break;
      }
      children.push(this.near());
    }
    return children.length === 1 && children[0] ? children[0] : { type: 'and', children };
  }

  private near(): QueryNode {
    const leftTok = this.tok;
    const left = this.unary();
    const op = this.tok;
    if (op.kind !== 'near') return left;
    const name = `NEAR/${op.distance}`;
    if (!isLeaf(left)) {
      throw new QuerySyntaxError(leftTok.pos, `${name} needs a term or phrase on its left`);
    }
    this.next();
    const rightTok = this.tok;
    if (!startsItem(rightTok)) {
      throw new QuerySyntaxError(rightTok.pos, `expected a term or phrase after ${name}`);
    }
    const right = this.unary();
    if (!isLeaf(right)) {
      throw new QuerySyntaxError(rightTok.pos, `${name} needs a term or phrase on its right`);
    }
    return { type: 'near', left, right, distance: op.distance };
  }

  private unary(): QueryNode {
    const t = this.tok;
    if (t.kind !== 'not' && t.kind !== 'minus') return this.primary();
    this.next();
    this.expectItem(t, t.kind === 'not' ? 'NOT' : "'-'");
    this.enter(t);
    const child = this.unary();
    this.depth--;
    return { type: 'not', child };
  }

  private primary(): QueryNode {
    const t = this.next();
    switch (t.kind) {
      case 'word':
        return this.leaf(t.raw, t.pos, true);
      case 'quoted':
        return this.leaf(t.raw, t.pos + 1, false);
      case 'lparen': {
        this.enter(t);
        if (this.tok.kind === 'rparen') {
          throw new QuerySyntaxError(this.tok.pos, `empty parentheses, ${EXPECTED_ITEM}`);
        }
        const node = this.or();
        const close = this.tok;
        if (close.kind !== 'rparen') {
          throw new QuerySyntaxError(
            close.pos,
            close.kind === 'eof'
              ? `unbalanced parenthesis, expected ')' to close the '(' at position ${t.pos}`
              : `unexpected ${describe(close)}, expected ')'`,
          );
        }
        this.next();
        this.depth--;
        return node;
      }
      case 'field': {
        if (this.inField) {
          throw new QuerySyntaxError(
            t.pos,
            `a '${t.field}:' filter cannot stand inside another field filter`,
          );
        }
        const v = this.tok;
        if (v.kind !== 'word' && v.kind !== 'quoted' && v.kind !== 'lparen') {
          throw new QuerySyntaxError(v.pos, `expected a term, phrase or '(' after '${t.field}:'`);
        }
        this.enter(t);
        this.inField = true;
        const child = this.primary();
        this.inField = false;
        this.depth--;
        return { type: 'field', field: t.field, child };
      }
      case 'meta':
        if (this.inField) {
          throw new QuerySyntaxError(
            t.pos,
            `a '${t.field}:' filter cannot stand inside a text field filter`,
          );
        }
        return metadata(t);
      case 'rparen':
        throw new QuerySyntaxError(
          t.pos,
          `unbalanced parenthesis, unexpected ')', ${EXPECTED_ITEM}`,
        );
      case 'eof':
        throw new QuerySyntaxError(t.pos, `unexpected end of query, ${EXPECTED_ITEM}`);
      default:
        throw new QuerySyntaxError(t.pos, `unexpected ${describe(t)}, ${EXPECTED_ITEM}`);
    }
  }

  private leaf(raw: string, pos: number, bare: boolean): LeafNode {
    let body = raw;
    let prefix = false;
    const star = raw.indexOf('*');
    if (bare && star >= 0) {
      if (star !== raw.length - 1) {
        throw new QuerySyntaxError(pos + star, "'*' marks a syllable prefix and must end the term");
      }
      body = raw.slice(0, -1);
      prefix = true;
    }
    const parts = syllablesAsWritten(body);
    if (parts.length === 0) {
      throw new QuerySyntaxError(
        pos,
        bare
          ? `'${clip(raw)}' has no letter or digit, expected a term`
          : 'empty phrase, expected letters or digits between the quotes',
      );
    }
    if (prefix && parts.length > 1) {
      throw new QuerySyntaxError(pos + star, "'*' can only end a term of one syllable");
    }
    if (parts.length === 1) return { type: 'term', text: parts[0] ?? '', prefix };
    return { type: 'phrase', text: parts.join(' ') };
  }

  private expectItem(after: Tok, name: string): void {
    const t = this.tok;
    if (startsItem(t)) return;
    throw new QuerySyntaxError(
      t.pos,
      t.kind === 'eof'
        ? `unexpected end of query after ${name}, ${EXPECTED_ITEM}`
        : `unexpected ${describe(t)} after ${name} at position ${after.pos}, ${EXPECTED_ITEM}`,
    );
  }

  private enter(t: Tok): void {
    if (++this.depth > MAX_QUERY_DEPTH) {
      throw new QuerySyntaxError(t.pos, `nesting deeper than ${MAX_QUERY_DEPTH} levels`);
    }
  }
}

function startsItem(t: Tok): boolean {
  return (
    t.kind === 'word' ||
    t.kind === 'quoted' ||
    t.kind === 'lparen' ||
    t.kind === 'not' ||
    t.kind === 'minus' ||
    t.kind === 'field' ||
    t.kind === 'meta'
  );
}

function isLeaf(n: QueryNode): n is LeafNode {
  return n.type === 'term' || n.type === 'phrase';
}

function describe(t: Tok): string {
  switch (t.kind) {
    case 'and':
    case 'or':
    case 'not':
      return t.kind.toUpperCase();
    case 'near':
      return `NEAR/${t.distance}`;
    case 'minus':
      return "'-'";
    case 'lparen':
      return "'('";
    case 'rparen':
      return "')'";
    case 'eof':
      return 'end of query';
    case 'field':
      return `'${t.field}:'`;
    case 'meta':
      return `'${t.field}:'`;
    case 'word':
    case 'quoted':
      return `'${clip(t.raw)}'`;
  }
}

function metadata(t: Extract<Tok, { kind: 'meta' }>): MetadataNode {
  const v = t.value;
  const fail = (expected: string): never => {
    throw new QuerySyntaxError(
      t.valuePos,
      `expected ${expected} after '${t.field}:', got '${clip(v)}'`,
    );
  };
  switch (t.field) {
    case 'topic': {
      const id = v.toLowerCase();
      if (!(TOPIC_IDS as readonly string[]).includes(id))
        fail(`a topic id (${TOPIC_IDS.join(', ')})`);
      return { type: 'topic', topic: id as TopicId };
    }
    case 'tone': {
      const tone = TONES.find((x) => x === v.toLowerCase());
      return tone ? { type: 'tone', tone } : fail(`a tone (${TONES.join(', ')})`);
    }
    case 'category': {
      const c = v.toLowerCase();
      if (!(SOURCE_CATEGORIES as readonly string[]).includes(c)) {
        fail(`a source category (${SOURCE_CATEGORIES.join(', ')})`);
      }
      return { type: 'category', category: c as SourceCategory };
    }
    case 'source':
      return { type: 'source', source: v.toLowerCase() };
    case 'after':
    case 'before':
      if (!isCalendarDate(v)) fail('a date as YYYY-MM-DD');
      return { type: 'date', bound: t.field, date: v };
  }
}

export function isCalendarDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}
