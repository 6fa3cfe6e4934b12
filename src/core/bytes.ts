/**
 * Small binary helpers for the packed index: unsigned LEB128 varints and a
 * growable byte writer. Pure (TextEncoder/TextDecoder are web standards).
 * @module
 */

/** Appends bytes and varints to a growing buffer. */
export class ByteWriter {
  private buf = new Uint8Array(1024);
  length = 0;

  private ensure(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  /** Unsigned LEB128 (7 bits a byte, high bit = more). */
  varint(value: number): void {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new RangeError(`varint out of range: ${value}`);
    this.ensure(5);
    while (value >= 0x80) {
      this.buf[this.length++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.buf[this.length++] = value;
  }

  bytes(data: Uint8Array): void {
    this.ensure(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
  }

  u32(value: number): void {
    this.ensure(4);
    new DataView(this.buf.buffer, this.buf.byteOffset).setUint32(this.length, value, true);
    this.length += 4;
  }

  /** Pad with zeros to a multiple of `n`. */
  align(n: number): void {
    const pad = (n - (this.length % n)) % n;
    this.ensure(pad);
    this.buf.fill(0, this.length, this.length + pad);
    this.length += pad;
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** Reads varints from `bytes` starting at `pos`; `pos` advances. */
export class VarintReader {
  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
  ) {}

  next(): number {
    const b = this.bytes;
    let byte = b[this.pos++]!;
    if (byte < 0x80) return byte;
    let value = byte & 0x7f;
    let scale = 0x80; // 2 ** 7, then 2 ** 14, … (exact up to 2 ** 53; no 32-bit shifts)
    do {
      byte = b[this.pos++]!;
      value += (byte & 0x7f) * scale;
      scale *= 0x80;
    } while (byte >= 0x80);
    return value;
  }
}

export const utf8 = {
  encode: (s: string): Uint8Array => new TextEncoder().encode(s),
  decode: (b: Uint8Array) => decoder.decode(b),
};
const decoder = new TextDecoder();
