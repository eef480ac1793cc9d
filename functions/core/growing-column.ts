/**
 * A per-session number column that grows as sessions stream past: the report
 * learns how many sessions there are only by reading them. Doubling keeps the
 * copies to about one per element.
 */
export class GrowingInt32Column {
  private values = new Int32Array(1024);
  private size = 0;

  push(value: number): void {
    if (this.size === this.values.length) this.values = grown(this.values, new Int32Array(this.size * 2));
    this.values[this.size] = value;
    this.size += 1;
  }

  /** The filled part; the column must not be pushed to afterwards. */
  done(): Int32Array {
    return this.values.slice(0, this.size);
  }
}

export class GrowingBigInt64Column {
  private values = new BigInt64Array(1024);
  private size = 0;

  /** @throws RangeError past ±2^63, which BigInt64Array would wrap silently */
  push(value: bigint): void {
    if (BigInt.asIntN(64, value) !== value) {
      throw new RangeError(`a per-session value does not fit in 64 bits: ${value}`);
    }
    if (this.size === this.values.length) this.values = grown(this.values, new BigInt64Array(this.size * 2));
    this.values[this.size] = value;
    this.size += 1;
  }

  done(): BigInt64Array {
    return this.values.slice(0, this.size);
  }
}

export class GrowingFloat64Column {
  private values = new Float64Array(1024);
  private size = 0;

  push(value: number): void {
    if (this.size === this.values.length) this.values = grown(this.values, new Float64Array(this.size * 2));
    this.values[this.size] = value;
    this.size += 1;
  }

  at(index: number): number {
    if (index < 0 || index >= this.size)
      throw new RangeError(`index ${index} is outside 0..${this.size - 1}`);
    return this.values[index] as number;
  }

  set(index: number, value: number): void {
    if (index < 0 || index >= this.size)
      throw new RangeError(`index ${index} is outside 0..${this.size - 1}`);
    this.values[index] = value;
  }
}

function grown<T extends Int32Array | BigInt64Array | Float64Array>(from: T, to: T): T {
  (to as Int32Array).set(from as Int32Array);
  return to;
}
