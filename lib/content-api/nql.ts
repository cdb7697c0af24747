// A parser for the part of Ghost's filter language (NQL) that API clients use:
//   tag:news            equals            featured:true        booleans
//   tag:-news           not equal         slug:[a,b]           in a list
//   tag:-[a,b]          not in a list     published_at:>'2025-01-01'   > >= < <=
//   a+b                 and               a,b                  or        (a,b)+c   grouping
// It only builds a tree; which fields exist and how they map to SQL is the caller's
// business, so nothing here can reach the database.

export type NqlValue = string | number | boolean | null;
export type NqlOperator = "eq" | "ne" | "gt" | "gte" | "lt" | "lte" | "in" | "nin";

export type NqlNode =
  | { type: "and" | "or"; children: NqlNode[] }
  | { type: "compare"; field: string; op: NqlOperator; value: NqlValue | NqlValue[] };

export class NqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NqlError";
  }
}

const MAX_LENGTH = 2000;
const MAX_DEPTH = 10;
const MAX_LIST = 100;

/** Parses a filter string; throws NqlError with a readable message on anything malformed. */
export function parseNql(input: string): NqlNode {
  if (input.length > MAX_LENGTH) throw new NqlError(`Filter is too long (at most ${MAX_LENGTH} characters).`);
  const parser = new Parser(input);
  const node = parser.parseOr(0);
  parser.skipSpaces();
  if (!parser.atEnd()) throw new NqlError(`Unexpected "${parser.peek()}" at position ${parser.position + 1}.`);
  return node;
}

class Parser {
  position = 0;
  constructor(private readonly text: string) {}

  atEnd() {
    return this.position >= this.text.length;
  }
  peek() {
    return this.text[this.position] ?? "";
  }
  skipSpaces() {
    while (this.peek() === " ") this.position++;
  }
  private eat(char: string) {
    this.skipSpaces();
    if (this.peek() !== char) return false;
    this.position++;
    return true;
  }

  // or := and ("," and)*      and := term ("+" term)*      (AND binds tighter, as in Ghost)
  parseOr(depth: number): NqlNode {
    const children = [this.parseAnd(depth)];
    while (this.eat(",")) children.push(this.parseAnd(depth));
    return children.length === 1 ? children[0]! : { type: "or", children };
  }

  private parseAnd(depth: number): NqlNode {
    const children = [this.parseTerm(depth)];
    while (this.eat("+")) children.push(this.parseTerm(depth));
    return children.length === 1 ? children[0]! : { type: "and", children };
  }

  private parseTerm(depth: number): NqlNode {
    if (depth > MAX_DEPTH) throw new NqlError("Filter is nested too deeply.");
    if (this.eat("(")) {
      const node = this.parseOr(depth + 1);
      if (!this.eat(")")) throw new NqlError(`Missing ")" at position ${this.position + 1}.`);
      return node;
    }
    return this.parseComparison();
  }

  private parseComparison(): NqlNode {
    this.skipSpaces();
    const field = this.readWhile(/[a-z0-9_.]/i);
    if (!field) throw new NqlError(`Expected a field name at position ${this.position + 1}.`);
    if (!this.eat(":")) throw new NqlError(`Expected ":" after "${field}".`);
    this.skipSpaces();
    const negated = this.peek() === "-";
    if (negated) this.position++;
    if (this.peek() === "[") {
      return { type: "compare", field, op: negated ? "nin" : "in", value: this.readList() };
    }
    let op: NqlOperator = negated ? "ne" : "eq";
    if (!negated) {
      const comparison = this.readWhile(/[<>=]/);
      const ops: Record<string, NqlOperator> = { ">": "gt", ">=": "gte", "<": "lt", "<=": "lte" };
      if (comparison && !ops[comparison]) throw new NqlError(`Unknown operator "${comparison}" after "${field}:".`);
      if (comparison) op = ops[comparison]!;
    }
    return { type: "compare", field, op, value: this.readValue() };
  }

  private readList(): NqlValue[] {
    this.position++; // "["
    const values: NqlValue[] = [];
    do {
      values.push(this.readValue());
      if (values.length > MAX_LIST) throw new NqlError(`A list may hold at most ${MAX_LIST} values.`);
    } while (this.eat(","));
    if (!this.eat("]")) throw new NqlError(`Missing "]" at position ${this.position + 1}.`);
    return values;
  }

  private readValue(): NqlValue {
    this.skipSpaces();
    if (this.peek() === "'" || this.peek() === '"') return this.readQuoted(this.peek());
    const raw = this.readWhile(/[^\s,+()[\]'"]/);
    if (!raw) throw new NqlError(`Expected a value at position ${this.position + 1}.`);
    if (raw === "true" || raw === "false") return raw === "true";
    if (raw === "null") return null;
    if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
    return raw;
  }

  private readQuoted(quote: string): string {
    this.position++;
    let value = "";
    while (!this.atEnd() && this.peek() !== quote) {
      if (this.peek() === "\\") this.position++;
      value += this.peek();
      this.position++;
    }
    if (this.atEnd()) throw new NqlError(`Unterminated quoted value: add the closing ${quote}.`);
    this.position++;
    return value;
  }

  private readWhile(pattern: RegExp): string {
    const start = this.position;
    while (!this.atEnd() && pattern.test(this.peek())) this.position++;
    return this.text.slice(start, this.position);
  }
}
