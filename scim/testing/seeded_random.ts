/**
 * A small seeded pseudo-random generator (mulberry32), so seeded data is the same on every run.
 *
 * @module
 */

/** Deterministic pseudo-random numbers from a 32-bit seed. Not for anything secret. */
export class SeededRandom {
  #state: number;

  /** @param seed Any number; only its low 32 bits matter. */
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /**
   * The next number in [0, 1).
   *
   * @returns The number.
   */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /**
   * An integer in [0, below).
   *
   * @param below The exclusive upper bound.
   * @returns The integer.
   */
  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  /**
   * One element of a non-empty list or string.
   *
   * @param items The choices.
   * @returns One of them.
   */
  pick<T>(items: ArrayLike<T>): T {
    return items[this.int(items.length)] as T;
  }
}
