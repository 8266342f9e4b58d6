/*
 * Directories a test file makes (property directories, copies, manifests), removed once its tests are done.
 */
import { rmSync } from 'node:fs';
import { afterAll } from 'vitest';

/** Registers the removal after all of this file's tests; the function returned marks a directory and returns it. */
export function removedAfterAll(): (dir: string) => string {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  return (dir) => {
    dirs.push(dir);
    return dir;
  };
}
