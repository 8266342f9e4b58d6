/*
 * Lossless JSON for counterexamples: plain JSON turns −0 into 0 and NaN/±∞ into null. Numbers that JSON
 * cannot carry exactly and typed arrays are tagged objects: {"$num": "-0" | "NaN" | "Infinity" | "-Infinity"},
 * {"$f64": [...]}, {"$f32": [...]}, {"$i32": [...]}, {"$u8": [...]}; a literal object with a "$"-key is escaped
 * as {"$obj": {...}}. decodeValue(encodeValue(x)) is x, bit for bit.
 */
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function encodeNumber(x: number): Json {
  if (Number.isNaN(x)) return { $num: 'NaN' };
  if (x === Infinity) return { $num: 'Infinity' };
  if (x === -Infinity) return { $num: '-Infinity' };
  if (Object.is(x, -0)) return { $num: '-0' };
  return x;
}

export function encodeValue(v: unknown): Json {
  if (v === null) return null;
  if (v === undefined) return { $undef: true };
  if (typeof v === 'number') return encodeNumber(v);
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return { $big: v.toString() };
  if (v instanceof Float64Array) return { $f64: Array.from(v, encodeNumber) };
  if (v instanceof Float32Array) return { $f32: Array.from(v, encodeNumber) };
  if (v instanceof Int32Array) return { $i32: Array.from(v) };
  if (v instanceof Uint8Array) return { $u8: Array.from(v) };
  if (Array.isArray(v)) return v.map(encodeValue);
  if (typeof v === 'object') {
    const out: { [k: string]: Json } = {};
    let escaped = false;
    for (const [k, x] of Object.entries(v as object)) {
      out[k] = encodeValue(x);
      if (k.startsWith('$')) escaped = true;
    }
    return escaped ? { $obj: out } : out;
  }
  throw new TypeError(`cannot encode a ${typeof v} in a counterexample`);
}

function decodeNumber(x: Json): number {
  if (typeof x === 'number') return x;
  const s = (x as { $num?: string }).$num;
  if (s === 'NaN') return NaN;
  if (s === 'Infinity') return Infinity;
  if (s === '-Infinity') return -Infinity;
  if (s === '-0') return -0;
  throw new TypeError(`not an encoded number: ${JSON.stringify(x)}`);
}

export function decodeValue(j: Json): unknown {
  if (j === null || typeof j !== 'object') return j;
  if (Array.isArray(j)) return j.map(decodeValue);
  if ('$num' in j) return decodeNumber(j);
  if ('$undef' in j) return undefined;
  if ('$big' in j) return BigInt(j.$big as string);
  if ('$f64' in j) return Float64Array.from((j.$f64 as Json[]).map(decodeNumber));
  if ('$f32' in j) return Float32Array.from((j.$f32 as Json[]).map(decodeNumber));
  if ('$i32' in j) return Int32Array.from(j.$i32 as number[]);
  if ('$u8' in j) return Uint8Array.from(j.$u8 as number[]);
  const src = '$obj' in j ? (j.$obj as { [k: string]: Json }) : j;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(src)) out[k] = decodeValue(x);
  return out;
}
