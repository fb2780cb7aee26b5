/**
 * Small, dependency-free hashing for content fingerprints. Pure TypeScript on purpose: the same
 * code runs in the Forge backend and in the Custom UI (a preview computes the same hashes), so
 * `node:crypto` is not an option. Not for security — only for "did this content change?".
 */

/** A JSON value as {@link canonicalJson} accepts it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };

/**
 * JSON with object keys sorted at every level and no whitespace, so equal data always gives the
 * same text whatever order its keys were built in. `undefined` members are left out, as
 * `JSON.stringify` does.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, 'x'] }); // '{"a":[true,"x"],"b":1}'
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const members: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const member = value[key];
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
  }
  return `{${members.join(',')}}`;
}

const encoder = new TextEncoder();

/**
 * FNV-1a 64-bit hash of the UTF-8 bytes of `text`, as 16 lowercase hex digits.
 *
 * The 64-bit state is kept in four 16-bit limbs so every intermediate product stays a small
 * integer: plain numbers, no BigInt (several times slower), same result in Node and browsers.
 *
 * @example
 * fnv1a64('');       // 'cbf29ce484222325'
 * fnv1a64('foobar'); // '85944171f73967e8'
 */
export function fnv1a64(text: string): string {
  const bytes = encoder.encode(text);
  // Offset basis 0xcbf29ce484222325, least significant limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < bytes.length; i += 1) {
    h0 ^= bytes[i] ?? 0;
    // Multiply by the FNV prime 0x100000001b3 = 2^40 + 0x1b3, modulo 2^64: each limb times 0x1b3,
    // plus the 2^40 term (limbs 0 and 1 shifted 8 bits into limbs 2 and 3), carries rippling up.
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return hex16(h3) + hex16(h2) + hex16(h1) + hex16(h0);
}

function hex16(limb: number): string {
  return limb.toString(16).padStart(4, '0');
}
