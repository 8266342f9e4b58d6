/*
 * The registry of a properties directory with every conjecture's `prepare` step done (TensorFlow.js for the few
 * that need it), for tests that call runConjecture directly as the CLI's workers do after preparing.
 */
import { loadRegistry, prepareConjecture } from '../../src/conjecture/index.js';

export async function loadPreparedRegistry(dir: string): Promise<Awaited<ReturnType<typeof loadRegistry>>> {
  const registry = await loadRegistry(dir);
  for (const c of registry.conjectures) await prepareConjecture(c);
  return registry;
}
