import { writeFileSync } from 'node:fs';
import { ensure, type Matrix } from '../numeric/index.js';

/*
 * The .npy writer matching readers.ts: format version 1.0, little-endian float32 ('<f4'), C order, 2-D — the bytes
 * np.save writes for a float32 array (header padded with spaces to a multiple of 64 bytes, ending in '\n').
 */

/** A float32, C-order .npy file holding M (entries rounded to float32). */
export function encodeNpy(M: Matrix): Uint8Array {
  ensure(Number.isInteger(M.rows) && Number.isInteger(M.cols) && M.rows >= 0 && M.cols >= 0, 'encodeNpy: bad shape');
  ensure(
    M.data.length === M.rows * M.cols,
    () => `encodeNpy: ${M.data.length} entries for shape ${M.rows} × ${M.cols}`,
  );
  const dict = `{'descr': '<f4', 'fortran_order': False, 'shape': (${M.rows}, ${M.cols}), }`;
  const unpadded = 10 + dict.length + 1; // magic (6) + version (2) + header length (2) + dict + '\n'
  const headerLen = dict.length + 1 + ((64 - (unpadded % 64)) % 64);
  ensure(headerLen < 65536, 'encodeNpy: header too long for format 1.0');
  const out = new Uint8Array(10 + headerLen + 4 * M.data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  const dv = new DataView(out.buffer);
  dv.setUint16(8, headerLen, true);
  const header = `${dict.padEnd(headerLen - 1, ' ')}\n`;
  for (let k = 0; k < header.length; k++) out[10 + k] = header.charCodeAt(k);
  for (let k = 0; k < M.data.length; k++) dv.setFloat32(10 + headerLen + 4 * k, M.data[k]!, true);
  return out;
}

/** Writes M to `file` as float32 .npy (C order). */
export function writeNpy(file: string, M: Matrix): void {
  writeFileSync(file, encodeNpy(M));
}
