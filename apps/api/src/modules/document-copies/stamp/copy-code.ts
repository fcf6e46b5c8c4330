import { randomInt } from 'node:crypto';

/**
 * A copy code names one issued copy of a document. It must be read off a phone photo of a printed
 * page and typed back by an admin, so its alphabet leaves out every pair a blurry photo or a tired
 * eye confuses: 0/O/D/Q, 1/I/L/J/T, 2/Z, 5/S, 6/G, 8/B, 9/g, U/V, and lowercase altogether.
 * Sixteen symbols remain, so each carries exactly four bits (the invisible marks store nibbles).
 *
 * Eight symbols: seven random (16^7 ≈ 268 million codes) and one check symbol, shown as
 * `KAMX-4PWC`. The check catches any single misread symbol, so a typo is refused instead of
 * naming the wrong reader.
 */
export const COPY_CODE_ALPHABET = '347ACEFHKMNPRWXY';
export const COPY_CODE_LENGTH = 8;
const DATA_LENGTH = COPY_CODE_LENGTH - 1;
/** Odd weights are coprime to 16, so changing one symbol always changes the check. */
const WEIGHTS = [1, 3, 5, 7, 9, 11, 13];

function checkSymbol(nibbles: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < DATA_LENGTH; i++) sum += nibbles[i] * WEIGHTS[i];
  return sum % 16;
}

/** A fresh random code, in its bare form (`KAMX4PWC`). */
export function newCopyCode(): string {
  const nibbles: number[] = [];
  for (let i = 0; i < DATA_LENGTH; i++) nibbles.push(randomInt(16));
  nibbles.push(checkSymbol(nibbles));
  return nibblesToCode(nibbles);
}

/** `KAMX4PWC` → `KAMX-4PWC`, the form printed on the page. */
export function formatCopyCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * What a person typed (any case, spaces, dashes) → the bare code, or null when it is not a valid
 * code. Symbols outside the alphabet (a typed `0` or `S`) are refused rather than guessed.
 */
export function parseCopyCode(input: string): string | null {
  const bare = input.toUpperCase().replace(/[\s\-–·.]/g, '');
  if (bare.length !== COPY_CODE_LENGTH) return null;
  const nibbles: number[] = [];
  for (const ch of bare) {
    const n = COPY_CODE_ALPHABET.indexOf(ch);
    if (n < 0) return null;
    nibbles.push(n);
  }
  return checkSymbol(nibbles) === nibbles[DATA_LENGTH] ? bare : null;
}

export function codeToNibbles(code: string): number[] {
  return [...code].map((ch) => COPY_CODE_ALPHABET.indexOf(ch));
}

export function nibblesToCode(nibbles: readonly number[]): string {
  return nibbles.map((n) => COPY_CODE_ALPHABET[n]).join('');
}
