/** Readable text for instances in reports: matrices as rows, numbers shortest-exact up to 6 digits. */
export function showNumber(x: number): string {
  if (Object.is(x, -0)) return '-0';
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return String(x);
  const short = Number(x.toPrecision(6));
  return short === x ? String(x) : `${short}…`;
}

function isMatrix(v: unknown): v is { rows: number; cols: number; data: Float64Array } {
  return (
    typeof v === 'object' &&
    v !== null &&
    'rows' in v &&
    'cols' in v &&
    (v as { data?: unknown }).data instanceof Float64Array
  );
}

/** Default rendering of a generated instance. */
export function showValue(v: unknown): string {
  if (typeof v === 'number') return showNumber(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v !== 'object' || v === null) return String(v);
  if (isMatrix(v)) {
    const rows: string[] = [];
    for (let i = 0; i < v.rows; i++)
      rows.push(`[${Array.from(v.data.subarray(i * v.cols, (i + 1) * v.cols), showNumber).join(', ')}]`);
    return `${v.rows}×${v.cols} [${rows.join(', ')}]`;
  }
  if (ArrayBuffer.isView(v)) return `[${Array.from(v as unknown as ArrayLike<number>, showNumber).join(', ')}]`;
  if (Array.isArray(v)) return `[${v.map((x) => showValue(x)).join(', ')}]`;
  return `{ ${Object.entries(v)
    .map(([k, x]) => `${k}: ${showValue(x)}`)
    .join(', ')} }`;
}
