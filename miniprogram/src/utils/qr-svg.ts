import { create } from 'qrcode/lib/core/qrcode';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of an ASCII string; the mini-program runtime has no `btoa`. */
function base64Ascii(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i);
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) : Number.NaN;
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) : Number.NaN;
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += BASE64[(n >> 18) & 63] ?? '';
    out += BASE64[(n >> 12) & 63] ?? '';
    out += Number.isNaN(b) ? '=' : (BASE64[(n >> 6) & 63] ?? '');
    out += Number.isNaN(c) ? '=' : (BASE64[n & 63] ?? '');
  }
  return out;
}

/**
 * A QR code of `text` as an SVG data URI for an `<Image>`: one path of dark squares with a quiet
 * zone, so the page stays a single node instead of hundreds of cells.
 */
export function qrSvgDataUri(text: string): string {
  const { size, data } = create(text, { errorCorrectionLevel: 'M' }).modules;
  const quiet = 4;
  let path = '';
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; col += 1) {
      if (data[row * size + col]) path += `M${col + quiet} ${row + quiet}h1v1h-1z`;
    }
  }
  const side = size + quiet * 2;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
  return `data:image/svg+xml;base64,${base64Ascii(svg)}`;
}
