/*
 * PDQ (Meta's perceptual hash for photos) and MD5, computed in the browser so an image never
 * leaves the device. The arithmetic follows Recourse's pdq/ library step by step, in 32-bit floats
 * (Math.fround after every operation, Float32Array storage), so the bits are the library's:
 * luma, the reference's 512x512 nearest-neighbour shrink of large images, the two-pass Jarosz blur,
 * decimation to 64x64, the quality metric, the 16x16 DCT and the median threshold.
 */
(function (global) {
  'use strict';

  var f = Math.fround;
  var LUMA_R = f(0.299);
  var LUMA_G = f(0.587);
  var LUMA_B = f(0.114);
  var LIMIT = 512;
  var SIZE = 64;

  function sourceIndices(oldSize, resize) {
    var newSize = resize ? LIMIT : oldSize;
    var out = new Int32Array(newSize);
    for (var x = 0; x < newSize; x++) {
      out[x] = Math.floor((x * oldSize) / newSize);
    }
    return out;
  }

  /**
   * Luma of the pixels the reference hashes. rgba: Uint8ClampedArray/Uint8Array of width*height*4.
   * grey: true when the file is a greyscale image (the grey value is used as is, as the library does).
   */
  function lumaOf(rgba, width, height, grey) {
    var resize = height > LIMIT || width > LIMIT;
    var rows = sourceIndices(height, resize);
    var cols = sourceIndices(width, resize);
    var n = cols.length;
    var out = new Float32Array(rows.length * n);
    for (var i = 0; i < rows.length; i++) {
      var base = rows[i] * width;
      for (var j = 0; j < n; j++) {
        var p = (base + cols[j]) * 4;
        out[i * n + j] = grey ? rgba[p] : f(f(f(LUMA_R * rgba[p]) + f(LUMA_G * rgba[p + 1])) + f(LUMA_B * rgba[p + 2]));
      }
    }
    return { values: out, rows: rows.length, cols: n };
  }

  function windowSize(oldDimension) {
    return Math.floor((oldDimension + 2 * 64 - 1) / (2 * 64));
  }

  function boxOneRow(input, output, start, length, window) {
    var half = Math.floor((window + 2) / 2);
    var li = start, ri = start, oi = start;
    var sum = 0, count = 0, n;
    for (n = 0; n < half - 1; n++) {
      sum = f(sum + input[ri++]);
      count++;
    }
    for (n = 0; n < window - half + 1; n++) {
      sum = f(sum + input[ri++]);
      count++;
      output[oi++] = f(sum / count);
    }
    for (n = 0; n < length - window; n++) {
      sum = f(sum + input[ri++]);
      sum = f(sum - input[li++]);
      output[oi++] = f(sum / count);
    }
    for (n = 0; n < half - 1; n++) {
      sum = f(sum - input[li++]);
      count--;
      output[oi++] = f(sum / count);
    }
  }

  function boxAlongCols(input, output, rows, cols, window) {
    var half = Math.floor((window + 2) / 2);
    var sums = new Float32Array(cols);
    var ri = 0, li = 0, oi = 0, count = 0, n, j, base;
    function add(row) { base = row * cols; for (j = 0; j < cols; j++) { sums[j] = sums[j] + input[base + j]; } }
    function subtract(row) { base = row * cols; for (j = 0; j < cols; j++) { sums[j] = sums[j] - input[base + j]; } }
    function write(row) { base = row * cols; for (j = 0; j < cols; j++) { output[base + j] = sums[j] / count; } }
    for (n = 0; n < half - 1; n++) { add(ri++); count++; }
    for (n = 0; n < window - half + 1; n++) { add(ri++); count++; write(oi++); }
    for (n = 0; n < rows - window; n++) { add(ri++); subtract(li++); write(oi++); }
    for (n = 0; n < half - 1; n++) { subtract(li++); count--; write(oi++); }
  }

  function blur(image, rows, cols) {
    var scratch = new Float32Array(image.length);
    var alongRows = windowSize(cols);
    var alongCols = windowSize(rows);
    for (var pass = 0; pass < 2; pass++) {
      for (var i = 0; i < rows; i++) {
        boxOneRow(image, scratch, i * cols, cols, alongRows);
      }
      boxAlongCols(scratch, image, rows, cols, alongCols);
    }
  }

  function decimate(blurred, rows, cols) {
    var out = new Float32Array(SIZE * SIZE);
    for (var i = 0; i < SIZE; i++) {
      var r = Math.floor(((i + 0.5) * rows) / SIZE);
      for (var j = 0; j < SIZE; j++) {
        var c = Math.floor(((j + 0.5) * cols) / SIZE);
        out[i * SIZE + j] = blurred[r * cols + c];
      }
    }
    return out;
  }

  function quality(a) {
    var sum = 0, i, j;
    for (i = 0; i < 63; i++) {
      for (j = 0; j < 64; j++) {
        sum += Math.abs(Math.trunc(f(f(f(a[i * 64 + j] - a[(i + 1) * 64 + j]) * 100) / 255)));
      }
    }
    for (i = 0; i < 64; i++) {
      for (j = 0; j < 63; j++) {
        sum += Math.abs(Math.trunc(f(f(f(a[i * 64 + j] - a[i * 64 + j + 1]) * 100) / 255)));
      }
    }
    return Math.min(100, Math.floor(sum / 90));
  }

  var D = (function () {
    var scale = f(Math.sqrt(2.0 / 64.0));
    var d = new Float32Array(16 * 64);
    for (var i = 0; i < 16; i++) {
      for (var j = 0; j < 64; j++) {
        d[i * 64 + j] = scale * Math.cos((Math.PI / 2.0 / 64.0) * (i + 1) * (2 * j + 1));
      }
    }
    return d;
  })();

  function dct(a) {
    var t = new Float32Array(16 * 64), b = new Float32Array(256), i, j, k, sum;
    for (i = 0; i < 16; i++) {
      for (j = 0; j < 64; j++) {
        sum = 0;
        for (k = 0; k < 64; k++) {
          sum = f(sum + f(D[i * 64 + k] * a[k * 64 + j]));
        }
        t[i * 64 + j] = sum;
      }
    }
    for (i = 0; i < 16; i++) {
      for (j = 0; j < 16; j++) {
        sum = 0;
        for (k = 0; k < 64; k++) {
          sum = f(sum + f(t[i * 64 + k] * D[j * 64 + k]));
        }
        b[i * 16 + j] = sum;
      }
    }
    return b;
  }

  function hexOfBits(bits) {
    var hex = '';
    for (var c = 0; c < 64; c++) {
      var top = 255 - 4 * c;
      var v = bits[top] * 8 + bits[top - 1] * 4 + bits[top - 2] * 2 + bits[top - 3];
      hex += v.toString(16);
    }
    return hex;
  }

  /** The PDQ hash of decoded pixels: {hex, quality}. */
  function pdq(rgba, width, height, grey) {
    var luma = lumaOf(rgba, width, height, grey);
    if (luma.rows < 5 || luma.cols < 5) {
      return { hex: new Array(65).join('0'), quality: 0 };
    }
    var image64;
    if (luma.rows === SIZE && luma.cols === SIZE) {
      image64 = luma.values;
    } else {
      blur(luma.values, luma.rows, luma.cols);
      image64 = decimate(luma.values, luma.rows, luma.cols);
    }
    var q = quality(image64);
    var coefficients = dct(image64);
    var sorted = Float32Array.from(coefficients).sort();
    var median = sorted[127];
    var bits = new Uint8Array(256);
    for (var k = 0; k < 256; k++) {
      bits[k] = coefficients[k] > median ? 1 : 0;
    }
    return { hex: hexOfBits(bits), quality: q };
  }

  /* MD5 (RFC 1321) of an ArrayBuffer, as 32 lower-case hex digits. */
  var S = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
    4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21];
  var K = new Int32Array(64);
  for (var t = 0; t < 64; t++) {
    K[t] = Math.floor(Math.abs(Math.sin(t + 1)) * 4294967296) | 0;
  }

  function md5(buffer) {
    var bytes = new Uint8Array(buffer);
    var length = bytes.length;
    var padded = ((length + 8) >>> 6) + 1 << 6;
    var data = new Uint8Array(padded);
    data.set(bytes);
    data[length] = 0x80;
    var view = new DataView(data.buffer);
    view.setUint32(padded - 8, (length * 8) >>> 0, true);
    view.setUint32(padded - 4, Math.floor(length / 536870912), true);
    var a0 = 0x67452301, b0 = 0xefcdab89 | 0, c0 = 0x98badcfe | 0, d0 = 0x10325476;
    var m = new Int32Array(16);
    for (var chunk = 0; chunk < padded; chunk += 64) {
      for (var w = 0; w < 16; w++) {
        m[w] = view.getInt32(chunk + 4 * w, true);
      }
      var a = a0, b = b0, c = c0, d = d0;
      for (var i = 0; i < 64; i++) {
        var fn, g;
        if (i < 16) { fn = (b & c) | (~b & d); g = i; }
        else if (i < 32) { fn = (d & b) | (~d & c); g = (5 * i + 1) & 15; }
        else if (i < 48) { fn = b ^ c ^ d; g = (3 * i + 5) & 15; }
        else { fn = c ^ (b | ~d); g = (7 * i) & 15; }
        var sum = (a + fn + K[i] + m[g]) | 0;
        a = d; d = c; c = b;
        b = (b + ((sum << S[i]) | (sum >>> (32 - S[i])))) | 0;
      }
      a0 = (a0 + a) | 0; b0 = (b0 + b) | 0; c0 = (c0 + c) | 0; d0 = (d0 + d) | 0;
    }
    var out = new DataView(new ArrayBuffer(16));
    out.setInt32(0, a0, true); out.setInt32(4, b0, true); out.setInt32(8, c0, true); out.setInt32(12, d0, true);
    var hex = '';
    for (var x = 0; x < 16; x++) {
      hex += (out.getUint8(x) + 256).toString(16).slice(1);
    }
    return hex;
  }

  /**
   * The rows and columns of a width x height image that PDQ reads: all of them, or the reference's
   * 512x512 nearest-neighbour sample when either side is larger. Hashing just those pixels (as an
   * image of their own) gives the same bits as hashing the whole image.
   */
  function sampledGrid(width, height) {
    var resize = height > LIMIT || width > LIMIT;
    return { rows: sourceIndices(height, resize), cols: sourceIndices(width, resize) };
  }

  global.RecoursePdq = { pdq: pdq, md5: md5, sampledGrid: sampledGrid };
})(typeof window !== 'undefined' ? window : globalThis);
