/**
 * Runs the examples of docs/api.md: each ```js block holds one-line expressions, `expr // → value`, evaluated after
 * the ```js prelude block with every export of the documented index modules (and fast-check as `fc`) in scope.
 */
import fc from 'fast-check';
import * as arbitraries from '../../src/arbitraries/index.js';
import * as conjecture from '../../src/conjecture/index.js';
import * as gaps from '../../src/gaps/index.js';
import * as losses from '../../src/losses/index.js';
import * as numeric from '../../src/numeric/index.js';
import * as geometry from '../../src/theory/geometry/index.js';
import * as ranking from '../../src/theory/ranking/index.js';

/** The index modules whose exports docs/api.md documents, by their path. */
export const MODULES = {
  'src/arbitraries': arbitraries,
  'src/losses': losses,
  'src/gaps': gaps,
  'src/theory/ranking': ranking,
  'src/theory/geometry': geometry,
  'src/conjecture': conjecture,
  'src/numeric': numeric,
} as const;

export interface Example {
  /** The `### name` section it sits in. */
  readonly section: string;
  readonly line: number;
  readonly code: string;
  /** The text after `// →`, when given. */
  readonly expected?: string;
}

/** The prelude block and every example line of the doc. */
export function parseExamples(doc: string): { prelude: string; examples: Example[] } {
  const lines = doc.split('\n');
  let prelude = '',
    section = '',
    inBlock: 'prelude' | 'js' | undefined;
  const examples: Example[] = [];
  lines.forEach((text, k) => {
    if (inBlock) {
      if (text.startsWith('```')) inBlock = undefined;
      else if (inBlock === 'prelude') prelude += `${text}\n`;
      else if (text.trim() && !text.trim().startsWith('//')) {
        const at = text.indexOf(' // → ');
        examples.push(
          at < 0
            ? { section, line: k + 1, code: text.trim() }
            : { section, line: k + 1, code: text.slice(0, at).trim(), expected: text.slice(at + 6).trim() },
        );
      }
      return;
    }
    const heading = /^### `([^`]+)`/.exec(text);
    if (heading) section = heading[1]!;
    if (text.startsWith('```js prelude')) inBlock = 'prelude';
    else if (text.startsWith('```js')) inBlock = 'js';
  });
  return { prelude, examples };
}

const scope: Record<string, unknown> = { fc, ...Object.assign({}, ...Object.values(MODULES)) };

/** Evaluates one example expression after the prelude. */
export function evaluate(prelude: string, code: string): unknown {
  const names = Object.keys(scope);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the doc's examples are the code under test
  const run = new Function(...names, `${prelude}\nreturn (${code});`) as (...args: unknown[]) => unknown;
  return run(...names.map((n) => scope[n]));
}

const isMatrix = (v: unknown): v is numeric.Matrix =>
  typeof v === 'object' &&
  v !== null &&
  'rows' in v &&
  'cols' in v &&
  (v as numeric.Matrix).data instanceof Float64Array;

/** How a result is printed after `// →`: numbers to 6 significant digits, matrices as rows, objects as { k: v }. */
export function format(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined || v === null || typeof v === 'boolean') return String(v);
  if (typeof v === 'function') return 'function';
  if (isMatrix(v)) return format(numeric.toRows(v));
  if (Array.isArray(v) || ArrayBuffer.isView(v)) return `[${Array.from(v as ArrayLike<unknown>, format).join(', ')}]`;
  return `{ ${Object.entries(v as object)
    .map(([k, x]) => `${k}: ${format(x)}`)
    .join(', ')} }`;
}
