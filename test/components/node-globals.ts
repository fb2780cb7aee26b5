/**
 * Node globals jsdom leaves out, for component tests that build a real audit pack (src/checklists
 * hashes with TextEncoder) and a real workbook (exceljs in Node zips with Buffer and setImmediate).
 * Import it first.
 */
import { Buffer } from 'node:buffer';
import { clearImmediate, setImmediate } from 'node:timers';
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextEncoder, TextDecoder, Buffer, setImmediate, clearImmediate });
