import { math } from '../mathjs.js';

/** TeX for a bound written as a mathjs expression ('sqrt(2*excess/tau)' → '\sqrt{…}'); the input on a parse error. */
export function texOf(expression: string): string {
  try {
    return math.parse(expression).toTex({ parenthesis: 'keep', implicit: 'hide' });
  } catch {
    return expression;
  }
}

/** Evaluates a bound expression over named quantities (a clear error for an unknown name). */
export function evaluateBound(expression: string, scope: Record<string, number>): number {
  const node = math.parse(expression);
  const v = node.evaluate({ ...scope });
  if (typeof v !== 'number') throw new Error(`bound '${expression}' did not evaluate to a number (got ${String(v)})`);
  return v;
}
