'use strict';
/*
 * The PDF check that runs in its own worker thread (resourceLimits on its heap, terminated by the
 * parent after DOCUMENT_CHECK_TIMEOUT_MS), so a hostile file costs at most one worker: it may loop
 * or eat memory there, never in the API's event loop. Plain JavaScript so that the very same file
 * runs from the sources (tests) and from dist (tsc copies it, allowJs).
 *
 * In:  workerData { input, output, maxPages, maxInflatedBytes }
 * Out: one message { ok: true, pageCount, removed } or { ok: false, code, detail }
 *
 * It refuses encrypted files, more than maxPages pages, and compressed streams that inflate to
 * more than maxInflatedBytes in all (a decompression bomb: counted while streaming, never held);
 * then writes a copy without JavaScript, open/launch actions, embedded files, forms and other
 * active content. Unreferenced objects it leaves behind are dropped by qpdf's rewrite afterwards.
 */
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync, writeFileSync } = require('node:fs');
const zlib = require('node:zlib');
const { Buffer } = require('node:buffer');
const { PDFDocument, PDFName, PDFDict, PDFArray, PDFRawStream, PDFRef, PDFStream } = require('pdf-lib');

/** Action types that run code, start programs, load or send data: removed from the reading copy. */
const BAD_ACTIONS = new Map([
  ['JavaScript', 'javascript'],
  ['Launch', 'launch_action'],
  ['GoToE', 'embedded_files'],
  ['GoToR', 'annotation_actions'],
  ['ImportData', 'forms'],
  ['SubmitForm', 'forms'],
  ['ResetForm', 'forms'],
  ['Rendition', 'annotation_actions'],
  ['Movie', 'annotation_actions'],
  ['Sound', 'annotation_actions'],
  ['RichMediaExecute', 'annotation_actions'],
  ['Hide', 'annotation_actions'],
]);
/** Keys removed wherever they appear, and what they count as. */
const BAD_KEYS = new Map([
  ['JS', 'javascript'],
  ['JavaScript', 'javascript'],
  ['OpenAction', 'open_action'],
  ['AA', 'annotation_actions'],
  ['EmbeddedFiles', 'embedded_files'],
  ['EmbeddedFile', 'embedded_files'],
  ['AcroForm', 'forms'],
  ['XFA', 'forms'],
]);
/** Annotations removed from pages altogether. */
const BAD_ANNOTATIONS = new Map([
  ['FileAttachment', 'embedded_files'],
  ['Widget', 'forms'],
  ['Screen', 'annotation_actions'],
  ['Movie', 'annotation_actions'],
  ['Sound', 'annotation_actions'],
  ['RichMedia', 'annotation_actions'],
  ['3D', 'annotation_actions'],
]);

class Refusal extends Error {
  /** @param {string} code @param {string} detail */
  constructor(code, detail) {
    super(detail);
    this.code = code;
  }
}

/** @param {import('pdf-lib').PDFObject | undefined} value */
function nameOf(value) {
  return value instanceof PDFName ? value.decodeText() : undefined;
}

/**
 * Inflates a stream's leading FlateDecode filters, counting the bytes that come out and stopping
 * at the budget. Returns the bytes produced (the output itself is thrown away).
 * @param {Uint8Array} contents @param {number} layers @param {number} budget
 */
function inflatedSize(contents, layers, budget) {
  return new Promise((resolve) => {
    /** @type {import('node:stream').Transform[]} */
    const chain = [];
    for (let i = 0; i < layers; i++) chain.push(zlib.createInflate({ chunkSize: 64 * 1024 }));
    let count = 0;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      for (const s of chain) s.destroy();
      resolve(count);
    };
    for (let i = 0; i < chain.length - 1; i++) chain[i].pipe(chain[i + 1]);
    const last = chain[chain.length - 1];
    last.on('data', (/** @type {Buffer} */ chunk) => {
      count += chunk.length;
      if (count > budget) finish();
    });
    last.on('end', finish);
    // A damaged stream inflates as far as it goes; readers stop there too.
    for (const s of chain) s.on('error', finish);
    chain[0].end(Buffer.from(contents.buffer, contents.byteOffset, contents.byteLength));
  });
}

/** @param {import('pdf-lib').PDFRawStream} stream */
function flateLayers(stream) {
  const filter = stream.dict.get(PDFName.of('Filter'));
  if (nameOf(filter) === 'FlateDecode') return 1;
  if (!(filter instanceof PDFArray)) return 0;
  let layers = 0;
  for (let i = 0; i < filter.size(); i++) {
    if (nameOf(filter.get(i)) !== 'FlateDecode') break;
    layers++;
  }
  return layers;
}

/**
 * Removes active content from a dictionary and the dictionaries inside it (not following
 * references: every indirect object is visited on its own).
 * @param {import('pdf-lib').PDFDict} dict @param {Set<string>} removed @param {number} depth
 */
function cleanDict(dict, removed, depth) {
  if (depth > 64) return;
  for (const [key, value] of dict.entries()) {
    const name = key.decodeText();
    const feature = BAD_KEYS.get(name);
    if (feature) {
      dict.delete(key);
      removed.add(feature);
      continue;
    }
    if (name === 'A' || name === 'Next') {
      const action = value instanceof PDFRef ? dict.context.lookup(value) : value;
      if (action instanceof PDFDict) {
        const type = nameOf(action.get(PDFName.of('S')));
        const bad = type ? BAD_ACTIONS.get(type) : undefined;
        if (bad) {
          dict.delete(key);
          removed.add(bad);
          continue;
        }
      }
    }
    if (value instanceof PDFDict) cleanDict(value, removed, depth + 1);
    else if (value instanceof PDFArray) cleanArray(value, removed, depth + 1);
  }
}

/** @param {import('pdf-lib').PDFArray} array @param {Set<string>} removed @param {number} depth */
function cleanArray(array, removed, depth) {
  if (depth > 64) return;
  for (let i = 0; i < array.size(); i++) {
    const value = array.get(i);
    if (value instanceof PDFDict) cleanDict(value, removed, depth + 1);
    else if (value instanceof PDFArray) cleanArray(value, removed, depth + 1);
  }
}

/**
 * Drops annotations that are forms, attachments or media from every page.
 * @param {import('pdf-lib').PDFDocument} doc @param {Set<string>} removed
 */
function cleanAnnotations(doc, removed) {
  for (const page of doc.getPages()) {
    const annots = page.node.lookup(PDFName.of('Annots'));
    if (!(annots instanceof PDFArray)) continue;
    const kept = [];
    for (let i = 0; i < annots.size(); i++) {
      const ref = annots.get(i);
      const annot = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
      const subtype = annot instanceof PDFDict ? nameOf(annot.get(PDFName.of('Subtype'))) : undefined;
      const bad = subtype ? BAD_ANNOTATIONS.get(subtype) : undefined;
      if (bad) removed.add(bad);
      else kept.push(ref);
    }
    if (kept.length !== annots.size()) page.node.set(PDFName.of('Annots'), doc.context.obj(kept));
  }
}

async function main() {
  const bytes = readFileSync(workerData.input);
  let doc;
  try {
    doc = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: true,
    });
  } catch (err) {
    throw new Refusal('DOCUMENT_DAMAGED', `pdf-lib: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (doc.isEncrypted) throw new Refusal('DOCUMENT_ENCRYPTED', 'encrypted');
  const pageCount = doc.getPageCount();
  if (pageCount === 0) throw new Refusal('DOCUMENT_DAMAGED', 'no pages');
  if (pageCount > workerData.maxPages) throw new Refusal('DOCUMENT_TOO_COMPLEX', `${pageCount} pages`);

  let inflated = 0;
  const objects = doc.context.enumerateIndirectObjects();
  for (const [, object] of objects) {
    if (!(object instanceof PDFRawStream)) continue;
    const layers = flateLayers(object);
    if (layers === 0) continue;
    inflated += await inflatedSize(object.contents, layers, workerData.maxInflatedBytes - inflated);
    if (inflated > workerData.maxInflatedBytes) {
      throw new Refusal(
        'DOCUMENT_TOO_COMPLEX',
        `streams inflate beyond ${workerData.maxInflatedBytes} bytes`,
      );
    }
  }

  /** @type {Set<string>} */
  const removed = new Set();
  cleanAnnotations(doc, removed);
  for (const [, object] of objects) {
    if (object instanceof PDFDict) cleanDict(object, removed, 0);
    else if (object instanceof PDFStream) cleanDict(object.dict, removed, 0);
    else if (object instanceof PDFArray) cleanArray(object, removed, 0);
  }
  cleanDict(doc.catalog, removed, 0);
  writeFileSync(
    workerData.output,
    await doc.save({ useObjectStreams: false, updateFieldAppearances: false }),
  );
  return { ok: true, pageCount, removed: [...removed].sort() };
}

main().then(
  (result) => parentPort?.postMessage(result),
  (err) =>
    parentPort?.postMessage(
      err instanceof Refusal
        ? { ok: false, code: err.code, detail: err.message }
        : { ok: false, code: 'DOCUMENT_DAMAGED', detail: err instanceof Error ? err.message : String(err) },
    ),
);
