import { Piscina } from 'piscina';
import { FoundMarks, readMarks } from './marks';
import { CopyStamp, stampPdf } from './stamp-pdf';

export interface StampTask {
  /** The original's bytes, shared by every task of one document (a SharedArrayBuffer). */
  pdf: Uint8Array;
  stamp: CopyStamp;
  /** Only this page (1-based), for a confidential page image. */
  page?: number;
}

/** One stamping in a worker thread; the result's buffer is moved back, not copied. */
export default async function stampTask({ pdf, stamp, page }: StampTask): Promise<Uint8Array> {
  const out = await stampPdf(pdf, stamp, { page });
  return Piscina.move(out) as unknown as Uint8Array;
}

/** Reading a leaked file's marks: also in a thread, as the file may be hostile (time-limited by the pool's caller). */
export async function readMarksTask(pdf: Uint8Array): Promise<FoundMarks> {
  return readMarks(pdf);
}
