import { execFileSync } from 'node:child_process';

/** Runs `bin/crl-verify.js` with `args`: its exit code and its stdout and stderr together. */
export function cli(...args: string[]): { code: number; out: string } {
  try {
    return {
      code: 0,
      out: execFileSync(process.execPath, ['bin/crl-verify.js', ...args], { encoding: 'utf8', stdio: 'pipe' }),
    };
  } catch (e) {
    const x = e as { status: number; stdout: string; stderr: string };
    return { code: x.status, out: x.stdout + x.stderr };
  }
}
