import { math } from '../mathjs.js';

/** TeX for a bound written as a mathjs expression ('sqrt(2*excess/tau)' → '\sqrt{…}'); the input on a parse error. */
export function texOf(expression: string): string {
  try {
    return math.parse(expression).toTex({ parenthesis: 'keep', implicit: 'hide' });
  } catch {
    return expression;
  }
}
