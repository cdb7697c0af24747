// Deterministic, realistic-looking content for `seed-bench`: Markdown bodies with
// headings, paragraphs, links, inline code, lists, quotes and code blocks, built
// from a word list with a seeded PRNG (the same seed gives the same site).

/** mulberry32: small, fast, good enough for filler text; returns [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;

export const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

const WORDS = (
  "the of and to in is that for it as with was on be by this are from at or an have not they which one you had " +
  "but all were when we there can been has more if will would their what about so out up into than them some " +
  "could time these two may then do first any like now other such over only new also after most make well " +
  "way many even because through before must where much good those long great back should between each under " +
  "never same another while last might right still since system data server page request cache index query " +
  "search reader writer post comment author editor draft publish feed table column row schema migration backup " +
  "restore render markdown html text word title slug tag archive theme design layout font colour image upload " +
  "media file folder disk memory thread process queue worker signal latency throughput benchmark measure " +
  "result number figure chart report version release change review test suite browser network socket header " +
  "cookie session token secret password account owner role permission access audit garden river mountain " +
  "winter summer autumn spring morning evening coffee kitchen library station bridge harbour island forest " +
  "letter story chapter language history science music painting journey market village city window garden"
).split(" ");

const SYLLABLES = [
  "ka",
  "zor",
  "vel",
  "mir",
  "tan",
  "qui",
  "dro",
  "lux",
  "pel",
  "sor",
  "nim",
  "rav",
  "tek",
  "bry",
  "oss",
  "fen",
  "gal",
  "hux",
  "jun",
  "wex",
];
const FIRST_NAMES = [
  "Ada",
  "Grace",
  "Alan",
  "Edsger",
  "Barbara",
  "Donald",
  "Frances",
  "Ken",
  "Radia",
  "Tim",
  "Margaret",
  "Linus",
  "Hedy",
  "John",
  "Katherine",
  "Dennis",
  "Sophie",
  "Niklaus",
  "Anita",
  "Leslie",
];
const LAST_NAMES = [
  "Lovelace",
  "Hopper",
  "Turing",
  "Dijkstra",
  "Liskov",
  "Knuth",
  "Allen",
  "Thompson",
  "Perlman",
  "Berners-Lee",
  "Hamilton",
  "Torvalds",
  "Lamarr",
  "Backus",
  "Johnson",
  "Ritchie",
  "Wilson",
  "Wirth",
  "Borg",
  "Lamport",
];
const LANGUAGES = ["ts", "js", "sql", "bash", "css", "json"];
const SITES = ["example.com", "example.org", "docs.example.net", "blog.example.io"];

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function words(rng: Rng, n: number): string[] {
  return Array.from({ length: n }, () => pick(rng, WORDS));
}

/** Matches the words coinedWord makes (and no word of the list). */
export const COINED = new RegExp(`^(?:${SYLLABLES.join("|")}){3}$`);

/** A made-up word ("zorveltan"): few posts share one, so it is a "rare word" for search. */
export function coinedWord(rng: Rng): string {
  return pick(rng, SYLLABLES) + pick(rng, SYLLABLES) + pick(rng, SYLLABLES);
}

export function sentence(rng: Rng, min = 6, max = 18): string {
  return `${capitalise(words(rng, int(rng, min, max)).join(" "))}.`;
}

export function title(rng: Rng): string {
  return capitalise(words(rng, int(rng, 3, 8)).join(" "));
}

export function personName(rng: Rng): string {
  return `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`;
}

/** A paragraph, sometimes with a link or inline code, and its word count (as countWords sees it). */
function paragraph(rng: Rng): { md: string; words: number } {
  const parts: string[] = [];
  let count = 0;
  const sentences = int(rng, 3, 7);
  for (let i = 0; i < sentences; i++) {
    let s = words(rng, int(rng, 6, 18));
    count += s.length;
    const roll = rng();
    if (roll < 0.25) {
      const at = int(rng, 1, s.length - 1);
      const text = s.slice(at, at + 2);
      s = [
        ...s.slice(0, at),
        `[${text.join(" ")}](https://${pick(rng, SITES)}/${text.join("-")})`,
        ...s.slice(at + text.length),
      ];
    } else if (roll < 0.4) {
      const at = int(rng, 1, s.length - 1);
      s[at] = `\`${s[at]}\``;
    }
    parts.push(`${capitalise(s.join(" "))}.`);
  }
  return { md: parts.join(" "), words: count };
}

function codeBlock(rng: Rng): string {
  const lines = Array.from({ length: int(rng, 3, 12) }, () => {
    const [a, b, c] = words(rng, 3);
    return `const ${a}_${b} = ${c}(${int(rng, 0, 999)});`;
  });
  return `\`\`\`${pick(rng, LANGUAGES)}\n${lines.join("\n")}\n\`\`\``;
}

/** A Markdown body of roughly `target` words: sections of headings, prose, lists, quotes, code. */
export function markdownBody(rng: Rng, target: number): string {
  const blocks: string[] = [];
  let count = 0;
  while (count < target) {
    blocks.push(`## ${title(rng)}`);
    const paragraphs = int(rng, 2, 5);
    for (let i = 0; i < paragraphs && count < target; i++) {
      const p = paragraph(rng);
      blocks.push(p.md);
      count += p.words;
    }
    const roll = rng();
    if (roll < 0.35) blocks.push(codeBlock(rng));
    else if (roll < 0.55)
      blocks.push(Array.from({ length: int(rng, 3, 6) }, () => `- ${sentence(rng, 3, 9)}`).join("\n"));
    else if (roll < 0.65) blocks.push(`> ${sentence(rng)}`);
  }
  return blocks.join("\n\n");
}

/** A comment's text: one to four sentences. */
export function commentText(rng: Rng): string {
  return Array.from({ length: int(rng, 1, 4) }, () => sentence(rng, 4, 16)).join(" ");
}
