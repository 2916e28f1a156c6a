// Result videos: GET /files/<task_id>.mp4 serves a real MP4 (landscape or portrait) with byte ranges.
import { base64ToBytes } from '../delivery/signature.js';
import { LANDSCAPE_MP4_BASE64, PORTRAIT_MP4_BASE64 } from './videos.generated.js';

let videos: { landscape: Uint8Array; portrait: Uint8Array } | undefined;

/** The fixture video for an aspect ratio (decoded once). */
export function videoFor(aspectRatio: string): Uint8Array {
  videos ??= { landscape: base64ToBytes(LANDSCAPE_MP4_BASE64), portrait: base64ToBytes(PORTRAIT_MP4_BASE64) };
  return isPortrait(aspectRatio) ? videos.portrait : videos.landscape;
}

/** Taller than wide (`9:16`, `3:4`, `720x1280`); `16:9`, `1:1`, `auto` and none are landscape. */
export function isPortrait(aspectRatio: string): boolean {
  const match = /^(\d+)[:x](\d+)$/.exec(aspectRatio);
  return match !== null && Number(match[2]) > Number(match[1]);
}

export type ByteRange = { start: number; end: number } | 'unsatisfiable' | null;

/**
 * Parses a `Range` header for a body of `size` bytes: one `bytes=a-b`, `bytes=a-` or `bytes=-n`
 * range. Null means serve the whole body (no header, another unit, several ranges, or a malformed one).
 */
export function parseRange(header: string | undefined, size: number): ByteRange {
  if (!header) return null;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/** A 200 with the whole body, a 206 with the asked range, or a 416: status, headers and body. */
export function serveBytes(
  bytes: Uint8Array,
  rangeHeader: string | undefined,
): { status: number; headers: Record<string, string>; body: Uint8Array | null } {
  const range = parseRange(rangeHeader, bytes.length);
  if (range === 'unsatisfiable') {
    return {
      status: 416,
      headers: { 'accept-ranges': 'bytes', 'content-range': `bytes */${bytes.length}` },
      body: null,
    };
  }
  const headers: Record<string, string> = { 'content-type': 'video/mp4', 'accept-ranges': 'bytes' };
  if (range) {
    const part = bytes.subarray(range.start, range.end + 1);
    headers['content-range'] = `bytes ${range.start}-${range.end}/${bytes.length}`;
    headers['content-length'] = String(part.length);
    return { status: 206, headers, body: part };
  }
  headers['content-length'] = String(bytes.length);
  return { status: 200, headers, body: bytes };
}
