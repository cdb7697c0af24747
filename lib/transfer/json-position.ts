// Where JSON.parse gave up: Node 20's messages do not always say. A small scanner (no
// recursion, so nesting depth cannot overflow it), run only after a parse has failed.

const WHITESPACE = /[ \t\n\r]/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const LITERAL = /true|false|null/y;

/** The offset of the first character that makes `text` invalid JSON, or -1 when it is valid. */
export function jsonErrorOffset(text: string): number {
  // What the scanner expects next: a value, or (inside containers) a separator.
  const stack: ("[" | "{")[] = [];
  let i = 0;
  let expect: "value" | "key" | "colon" | "after" | "value-or-close" | "key-or-close" = "value";
  const skip = () => {
    while (i < text.length && WHITESPACE.test(text[i]!)) i++;
  };
  const match = (pattern: RegExp) => {
    pattern.lastIndex = i;
    const found = pattern.exec(text);
    if (!found) return false;
    i += found[0].length;
    return true;
  };
  for (;;) {
    skip();
    if (i >= text.length) return stack.length === 0 && expect === "after" ? -1 : i;
    const char = text[i]!;
    if (expect === "value" || expect === "value-or-close") {
      if (expect === "value-or-close" && char === "]") {
        stack.pop();
        i++;
        expect = "after";
      } else if (char === "[") {
        stack.push("[");
        i++;
        expect = "value-or-close";
      } else if (char === "{") {
        stack.push("{");
        i++;
        expect = "key-or-close";
      } else if (match(STRING) || match(NUMBER) || match(LITERAL)) expect = "after";
      else return i;
    } else if (expect === "key" || expect === "key-or-close") {
      if (expect === "key-or-close" && char === "}") {
        stack.pop();
        i++;
        expect = "after";
      } else if (match(STRING)) expect = "colon";
      else return i;
    } else if (expect === "colon") {
      if (char !== ":") return i;
      i++;
      expect = "value";
    } else {
      const top = stack.at(-1);
      if (top === undefined) return i; // something after the whole document
      if (char === ",") {
        i++;
        expect = top === "[" ? "value" : "key";
      } else if ((char === "]" && top === "[") || (char === "}" && top === "{")) {
        stack.pop();
        i++;
      } else return i;
    }
  }
}

/** "line 3, column 7" for an offset in `text`. */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return `line ${line}, column ${offset - before.lastIndexOf("\n")}`;
}
