/**
 * References by index, in chunks of 1024 (the row checks' compact issue and person tables): appending to one
 * growing array of 100 000 was a large share of the engine's time (V8 copies it at each growth), and a
 * preallocated one that long is a slow dictionary.
 */
export class Refs<T> {
  private chunks: T[][] = [];
  get(i: number): T {
    return this.chunks[i >> 10][i & 1023];
  }
  set(i: number, v: T): void {
    const c = i >> 10;
    while (this.chunks.length <= c) this.chunks.push(new Array<T>(1024).fill(undefined as T));
    this.chunks[c][i & 1023] = v;
  }
}

type TypedArray = Uint8Array | Int32Array | Float64Array;

/** `a`'s values in a new array of its kind, `n` long (the growing typed arrays of the engine's tables). */
export function grown<T extends TypedArray>(a: T, n: number): T {
  const b = new (a.constructor as new (length: number) => T)(n);
  b.set(a);
  return b;
}
