/**
 * `npm run claims`: writes docs/claims.md, the claims catalogue, from the registry (properties/**\/*.prop.ts) and
 * the hand-written items of scripts/claims-items.ts. `--check` only compares and exits 1 when the file is stale.
 * test/docs/claims.test.ts checks the committed file equals what this renders.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Conjecture, loadRegistry, showValue, texOf } from '../src/conjecture/index.js';
import { type ClaimItem, ITEMS, NOTATION, PAPERS, PROVENANCE, TAGS } from './claims-items.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLAIMS_PATH = resolve(ROOT, 'docs/claims.md');

/** One item named by a ref, with the parts or planted variants in its parentheses. */
export interface RefEntry {
  readonly item: string;
  readonly keys: readonly string[];
}

const PREFIX = 'claims.md ';
const ENTRY = /^([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)(?: \(([^()]+)\))?$/;

/**
 * Parses a `source.ref`: 'claims.md ' then entries separated by '; ', each an item id with optional keys in
 * parentheses separated by ', ' — 'claims.md C5', 'claims.md P12 (FALSE-b); P15 (d)', 'claims.md P5 (i, ii)'.
 * Returns undefined when the ref does not have that shape.
 */
export function parseRef(ref: string): RefEntry[] | undefined {
  if (!ref.startsWith(PREFIX)) return undefined;
  const out: RefEntry[] = [];
  for (const part of ref.slice(PREFIX.length).split('; ')) {
    const m = ENTRY.exec(part);
    if (!m) return undefined;
    out.push({ item: m[1]!, keys: m[2] ? m[2].split(', ') : [] });
  }
  return out;
}

/** Why a ref does not resolve to the catalogue ('' when it does). */
export function refProblem(ref: string): string {
  const entries = parseRef(ref);
  if (!entries) return `'${ref}' is not of the form 'claims.md <item> [(<part>, …)]; …'`;
  for (const e of entries) {
    const item = ITEMS.find((i) => i.id === e.item);
    if (!item) return `'${ref}' names item ${e.item}, which scripts/claims-items.ts does not define`;
    for (const k of e.keys) {
      if (!(k in (item.parts ?? {})) && !(k in (item.planted ?? {}))) {
        return `'${ref}' names '${k}' of ${e.item}, which is neither a part nor a planted variant of it`;
      }
    }
  }
  return '';
}

/** Markdown-escaped plain text (titles and statements contain *, _, <, |). */
function md(text: string): string {
  return text.replace(/[\\`*_<>[\]|$]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}

const inlineTex = (tex: string): string => `$\`${tex.trim()}\`$`;
const displayTex = (tex: string): string[] => ['```math', tex, '```'];

function paperLine(key: string): string {
  const p = PAPERS.find((x) => x.key === key);
  if (!p) return key;
  return `${p.authors} (${p.year}), *${md(p.title)}*`;
}

function paperHeading(key: string): string {
  const p = PAPERS.find((x) => x.key === key)!;
  const extra = [p.venue, p.arxiv ? `arXiv:${p.arxiv}` : undefined].filter(Boolean).join(', ');
  return `${paperLine(key)}${extra ? `. ${extra}` : ''}`;
}

/** What a planted twin changes: its title without the "Planted false (…):" prefix. */
function plantedChange(title: string): string {
  return title.replace(/^Planted false(?: \([^)]*\))?:\s*/, '');
}

function fileOf(c: Conjecture): string {
  return relative(ROOT, resolve(c.file ?? ''))
    .split('\\')
    .join('/');
}

function showInstance(c: Conjecture, x: unknown): string {
  const show = c.spec.show as ((v: unknown) => string) | undefined;
  return show ? show(x) : showValue(x);
}

function conjectureLines(c: Conjecture, home: string): string[] {
  const s = c.spec;
  const file = fileOf(c);
  const head =
    `- <a id="${c.id}"></a>**\`${c.id}\`** — ${s.expect}, ${c.kind}, ${s.source.provenance}; ` +
    `[${file.replace(/^properties\//, '')}](../${file})`;
  const lines = [head];
  const sub = (text: string): void => {
    lines.push(`  - ${text}`);
  };
  if (s.expect === 'refuted') sub(`planted false: ${md(plantedChange(s.title))}`);
  else sub(md(s.title));
  if (s.bound) sub(`bound: ${inlineTex(texOf(s.bound))}`);
  sub(`ref: \`${s.source.ref}\`${home ? ` (listed under ${home})` : ''}`);
  if (s.kind === 'statistical') sub(`statistical: ${s.trials} trials per instance, δ = ${s.delta}, α = ${s.alpha}`);
  if (s.expectedCounterexample) sub(`expected minimal counterexample: ${md(s.expectedCounterexample)}`);
  for (const x of s.examples ?? []) sub(`known counterexample, checked first: ${md(showInstance(c, x))}`);
  if (s.tight) sub(`tight: lhs/rhs >= ${s.tight.ratio} at ${md(showInstance(c, s.tight.at))}`);
  if (s.loose) sub(`loose: ${md(s.loose)}`);
  return lines;
}

function itemLines(item: ClaimItem, own: Conjecture[], also: Conjecture[]): string[] {
  const lines = [`### <a id="${item.anchor}"></a>${item.id}. ${md(item.title)}`, ''];
  lines.push(md(item.statement), '');
  if (item.tex) lines.push(...displayTex(item.tex), '');
  lines.push(`- **Paper:** ${item.papers.map(paperLine).join('; ')}`);
  lines.push(`- **Tests:** ${md(item.part)}`);
  lines.push(`- **Provenance:** ${item.provenance}. ${md(item.basis)}`);
  for (const [k, v] of Object.entries(item.parts ?? {})) lines.push(`- **Part (${k}):** ${md(v)}`);
  for (const [k, v] of Object.entries(item.planted ?? {})) lines.push(`- **Planted ${k}:** ${md(v)}`);
  lines.push('');
  if (own.length === 0 && also.length === 0) lines.push('No conjecture tests this item yet.', '');
  const holds = own.filter((c) => c.spec.expect === 'holds'),
    refuted = own.filter((c) => c.spec.expect === 'refuted');
  if (holds.length) lines.push('Conjectures that must hold:', '', ...holds.flatMap((c) => conjectureLines(c, '')), '');
  if (refuted.length)
    lines.push(
      'Planted false twins (the suite must refute them):',
      '',
      ...refuted.flatMap((c) => conjectureLines(c, '')),
      '',
    );
  if (also.length) lines.push(`Also tested by: ${also.map((c) => `[\`${c.id}\`](#${c.id})`).join(', ')}.`, '');
  return lines;
}

/** The whole catalogue for a list of conjectures, and the refs that do not resolve. */
export function renderClaims(conjectures: readonly Conjecture[]): { text: string; problems: string[] } {
  const problems: string[] = [];
  const own = new Map<string, Conjecture[]>(),
    also = new Map<string, Conjecture[]>();
  for (const c of conjectures) {
    const why = refProblem(c.spec.source.ref);
    if (why) {
      problems.push(`${c.id}: ${why}`);
      continue;
    }
    parseRef(c.spec.source.ref)!.forEach((e, k) => {
      const to = k === 0 ? own : also;
      to.set(e.item, [...(to.get(e.item) ?? []), c]);
    });
  }
  const holds = conjectures.filter((c) => c.spec.expect === 'holds').length;
  const lines: string[] = [
    '<!-- Generated by `npm run claims` (scripts/claims.ts) from the registry and scripts/claims-items.ts. Do not edit:',
    '     test/docs/claims.test.ts fails when this file differs from what the command writes. -->',
    '# Claims catalogue',
    '',
    'What every conjecture of crl-verify claims, which paper and which part of it the claim comes from, and how sure',
    "we are of its form. The papers' full texts could not be read, so most precise statements are reconstructions;",
    'each item says what the paper itself states and what is ours.',
    '',
    `${ITEMS.length} research items; ${conjectures.length} conjectures: ${holds} that must hold and ` +
      `${conjectures.length - holds} planted false twins that the suite must refute.`,
    '',
    "A conjecture's `source.ref` (the report's source column) names the items it tests: `claims.md C5` is item",
    '[C5](#c5); a part or a planted variant of the item follows in parentheses (`claims.md C5 (FALSE-1)`), and',
    'several items are separated by `; `. Each conjecture has an anchor named by its id (`#paper1.calibration.sqrt`).',
    'After adding or changing a conjecture, run `npm run claims` and commit docs/claims.md.',
    '',
    '## Contents',
    '',
    '| item | claim | paper | provenance | holds | refuted |',
    '|---|---|---|---|---|---|',
  ];
  for (const item of ITEMS) {
    const mine = own.get(item.id) ?? [];
    const h = mine.filter((c) => c.spec.expect === 'holds').length;
    const p = PAPERS.find((x) => x.key === item.papers[0]);
    const label = p ? `${p.short ?? p.authors.split(',')[0]} ${p.year}` : '';
    lines.push(
      `| [${item.id}](#${item.anchor}) | ${md(item.title)} | ${md(label)} ` +
        `| ${item.provenance} | ${h} | ${mine.length - h} |`,
    );
  }
  lines.push('', '## Provenance', '', '| provenance | meaning |', '|---|---|');
  for (const [k, v] of Object.entries(PROVENANCE)) lines.push(`| \`${k}\` | ${md(v)} |`);
  lines.push('', 'Code comments tag reconstructed formulas:', '', '| tag | meaning |', '|---|---|');
  for (const [k, v] of Object.entries(TAGS)) lines.push(`| ${md(k)} | ${md(v)} |`);
  lines.push('', '## Papers', '');
  for (const p of PAPERS) lines.push(`- <a id="${p.key}"></a>\`${p.key}\`: ${paperHeading(p.key)}. ${md(p.access)}`);
  lines.push('', '## Notation', '');
  for (const n of Object.values(NOTATION)) {
    lines.push(`### <a id="${n.anchor}"></a>${md(n.title)}`, '');
    for (const e of n.entries) lines.push(`- ${inlineTex(e.tex)}: ${md(e.meaning)}`);
    lines.push('');
  }
  const groups: [string, (i: ClaimItem) => boolean][] = [
    [`Paper 1: ${paperHeading('li2026')}`, (i) => i.id.startsWith('C')],
    [`Paper 2: ${paperHeading('cai2026')}`, (i) => i.id.startsWith('P')],
    ['Background', (i) => i.id.startsWith('B-')],
  ];
  for (const [title, inGroup] of groups) {
    lines.push(`## ${title}`, '');
    for (const item of ITEMS.filter(inGroup))
      lines.push(...itemLines(item, own.get(item.id) ?? [], also.get(item.id) ?? []));
  }
  return { text: `${lines.join('\n').replace(/\n+$/, '')}\n`, problems };
}

async function main(): Promise<void> {
  const registry = await loadRegistry(resolve(ROOT, 'properties'));
  if (registry.errors.length) throw new Error(registry.errors.map((e) => `${e.file}: ${e.message}`).join('\n'));
  const { text, problems } = renderClaims(registry.conjectures);
  if (problems.length) {
    console.error(`source.ref values that do not resolve to scripts/claims-items.ts:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
    return;
  }
  const path = relative(process.cwd(), CLAIMS_PATH);
  if (process.argv.includes('--check')) {
    const current = readFileSync(CLAIMS_PATH, 'utf8');
    if (current !== text) {
      console.error(`${path} is out of date: run npm run claims`);
      process.exitCode = 1;
    } else console.log(`${path} is current`);
    return;
  }
  writeFileSync(CLAIMS_PATH, text);
  console.log(`wrote ${path}: ${ITEMS.length} items, ${registry.conjectures.length} conjectures`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
