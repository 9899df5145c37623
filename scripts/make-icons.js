#!/usr/bin/env node
/**
 * Draws Miernik's icon (a gauge — "miernik" is Polish for a measuring instrument — on a rounded
 * brand-blue square) at the sizes the manifest names and writes them as PNGs to assets/.
 * No image libraries: simple geometry, 4×4 supersampling for antialiasing, and a minimal PNG
 * encoder (RGBA, filter 0, zlib). Run: `node scripts/make-icons.js` (the PNGs are committed).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];

/** Brand colours (RGBA 0–255). */
const COLOURS = {
  background: [15, 82, 140, 255], // #0F528C deep blue
  dial: [255, 255, 255, 255],
  scale: [120, 190, 240, 255], // light blue lower part of the scale
  needle: [242, 169, 0, 255], // #F2A900 amber
  hub: [255, 255, 255, 255],
};

// ---------------------------------------------------------------- PNG encoding

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length, 0);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td), 0);
  return Buffer.concat([len, td, crc]);
}

/** Encode RGBA pixels (Uint8Array, width*height*4, row-major) as a PNG file. */
function encodePng(width, height, rgba) {
  if (rgba.length !== width * height * 4) throw new Error("encodePng: pixel buffer has the wrong size");
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- drawing

/** Distance from point p to segment ab. */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * The icon as shapes in unit coordinates (0..1, y down), painted in order. Each shape is a
 * predicate `inside(x, y)`; small sizes get thicker strokes so the mark stays legible at 16 px.
 */
function shapes(size) {
  const small = size <= 20;
  const cx = 0.5;
  const cy = small ? 0.64 : 0.62; // gauge centre (the dial is the upper half of a ring)
  const rOuter = small ? 0.4 : 0.37;
  const ring = small ? 0.13 : 0.1;
  const rInner = rOuter - ring;
  const corner = 0.2;
  const needleAngle = (-50 * Math.PI) / 180; // pointing up and to the right
  const needleLen = rOuter - (small ? 0.04 : 0.03);
  const needleWidth = small ? 0.055 : 0.04;

  const angleOf = (x, y) => Math.atan2(-(y - cy), x - cx); // 0 = right, π/2 = up
  const onRing = (x, y) => {
    const d = Math.hypot(x - cx, y - cy);
    return d <= rOuter && d >= rInner && y <= cy + 0.0001;
  };
  return [
    {
      colour: COLOURS.background,
      inside: (x, y) => {
        // rounded square filling the canvas
        const qx = Math.max(Math.abs(x - 0.5) - (0.5 - corner), 0);
        const qy = Math.max(Math.abs(y - 0.5) - (0.5 - corner), 0);
        return Math.hypot(qx, qy) <= corner;
      },
    },
    // the scale: left part light blue (low), right part white (high)
    { colour: COLOURS.scale, inside: (x, y) => onRing(x, y) && angleOf(x, y) > Math.PI / 2 },
    { colour: COLOURS.dial, inside: (x, y) => onRing(x, y) && angleOf(x, y) <= Math.PI / 2 },
    // tick marks at 30°, 90°, 150° just inside the ring (large sizes only)
    ...(small
      ? []
      : [30, 90, 150].map((deg) => {
          const a = (deg * Math.PI) / 180;
          const r0 = rInner - 0.02;
          const r1 = rInner - 0.08;
          const ax = cx + r0 * Math.cos(a);
          const ay = cy - r0 * Math.sin(a);
          const bx = cx + r1 * Math.cos(a);
          const by = cy - r1 * Math.sin(a);
          return { colour: COLOURS.dial, inside: (x, y) => segmentDistance(x, y, ax, ay, bx, by) <= 0.018 };
        })),
    {
      colour: COLOURS.needle,
      inside: (x, y) =>
        segmentDistance(
          x,
          y,
          cx,
          cy,
          cx + needleLen * Math.cos(-needleAngle),
          cy - needleLen * Math.sin(-needleAngle),
        ) <=
        needleWidth / 2,
    },
    { colour: COLOURS.hub, inside: (x, y) => Math.hypot(x - cx, y - cy) <= (small ? 0.1 : 0.075) },
    // base line under the gauge
    {
      colour: COLOURS.dial,
      inside: (x, y) =>
        Math.abs(y - (cy + (small ? 0.14 : 0.12))) <= (small ? 0.045 : 0.025) && Math.abs(x - cx) <= rOuter,
    },
  ];
}

/** Render the icon at `size`×`size` pixels: RGBA, straight (non-premultiplied) alpha. */
function drawIcon(size) {
  const SS = 4; // samples per axis
  const out = new Uint8Array(size * size * 4);
  const layers = shapes(size);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // accumulate premultiplied colour over sub-samples
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          let cr = 0;
          let cg = 0;
          let cb = 0;
          let ca = 0;
          for (const s of layers) {
            if (!s.inside(x, y)) continue;
            const sa = s.colour[3] / 255;
            cr = s.colour[0] * sa + cr * (1 - sa);
            cg = s.colour[1] * sa + cg * (1 - sa);
            cb = s.colour[2] * sa + cb * (1 - sa);
            ca = sa + ca * (1 - sa);
          }
          r += cr;
          g += cg;
          b += cb;
          a += ca;
        }
      }
      const n = SS * SS;
      const i = (py * size + px) * 4;
      const alpha = a / n;
      out[i + 3] = Math.round(alpha * 255);
      if (alpha > 0) {
        out[i] = Math.round(r / n / alpha);
        out[i + 1] = Math.round(g / n / alpha);
        out[i + 2] = Math.round(b / n / alpha);
      }
    }
  }
  return out;
}

function iconFileName(size) {
  return `icon-${size}.png`;
}

function writeIcons(dir = path.join(__dirname, "..", "assets")) {
  fs.mkdirSync(dir, { recursive: true });
  const written = [];
  for (const size of SIZES) {
    const file = path.join(dir, iconFileName(size));
    fs.writeFileSync(file, encodePng(size, size, drawIcon(size)));
    written.push(file);
  }
  return written;
}

module.exports = { SIZES, COLOURS, encodePng, drawIcon, iconFileName, writeIcons, crc32 };

if (require.main === module) {
  for (const f of writeIcons()) console.log(`wrote ${path.relative(process.cwd(), f)}`);
}
