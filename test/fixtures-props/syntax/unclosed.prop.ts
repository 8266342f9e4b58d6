/*
 * A properties file with a syntax error (test fixture): the registry must report it with file:line:column and
 * esbuild's message, not a cut-off "Transform failed".
 */
import { defineConjecture, leq } from '../../../src/conjecture/index.js';

export default defineConjecture({
  id: 'fixture.syntax.unclosed', title: 'never loads',
  check: () => leq(0, 1 +),
});
