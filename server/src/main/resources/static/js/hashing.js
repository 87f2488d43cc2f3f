/*
 * Hashes images on the person's own device: reads the file, decodes it in the browser and computes
 * PDQ and MD5 (pdq.js). Nothing of the image is sent anywhere; only the hashes go into the form.
 * Pixels are read as stored: EXIF orientation is not applied (the library does not apply it either),
 * no colour management, alpha not premultiplied (WebGL where the browser has it, else a 2D canvas).
 */
(function (global) {
  'use strict';

  function u8(buffer) { return new Uint8Array(buffer); }

  function format(b) {
    if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) { return 'png'; }
    if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) { return 'jpeg'; }
    if (b.length >= 6 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) { return 'gif'; }
    if (b.length >= 2 && b[0] === 0x42 && b[1] === 0x4d) { return 'bmp'; }
    if (b.length >= 12 && b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46
        && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50) { return 'webp'; }
    if (b.length >= 4 && ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0)
        || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a))) { return 'tiff'; }
    return null;
  }

  function be32(b, i) { return ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0; }

  /** The data of a PNG's chunk of {@code type} before the image data, or null when it has none. */
  function pngChunk(b, type) {
    for (var at = 8; at + 8 <= b.length;) {
      var length = be32(b, at);
      var found = String.fromCharCode(b[at + 4], b[at + 5], b[at + 6], b[at + 7]);
      if (found === type) { return b.subarray(at + 8, Math.min(b.length, at + 8 + length)); }
      if (found === 'IDAT' || found === 'IEND') { return null; }
      at += 12 + length;
    }
    return null;
  }

  /** Calls {@code visit(marker, at, length)} for each JPEG segment up to the image data; stops when it returns true. */
  function jpegSegments(b, visit) {
    for (var at = 2; at + 4 <= b.length && b[at] === 0xff;) {
      var marker = b[at + 1];
      var length = (b[at + 2] << 8) | b[at + 3];
      if (visit(marker, at, length) || marker === 0xda) { return; }
      at += 2 + length;
    }
  }

  /** Whether the library reads the PNG as grey: grey colour types, or a low-bit exact grey-ramp palette. */
  function pngIsGrey(b) {
    var bitDepth = b[24], colourType = b[25];
    if (colourType === 0 || colourType === 4) { return true; }
    if (colourType !== 3 || bitDepth >= 8) { return false; }
    var palette = pngChunk(b, 'PLTE');
    var size = 1 << bitDepth;
    if (!palette || pngChunk(b, 'tRNS') || palette.length !== 3 * size) { return false; }
    for (var k = 0; k < size; k++) {
      var expected = Math.floor(k * 255 / (size - 1));
      if (palette[3 * k] !== expected || palette[3 * k + 1] !== expected || palette[3 * k + 2] !== expected) { return false; }
    }
    return true;
  }

  /**
   * Whether the file may hold transparency. An opaque image reads the same through a 2D canvas
   * (premultiplying by 255 changes nothing), which is much faster than reading it back through WebGL.
   */
  function mayHaveAlpha(kind, b) {
    if (kind === 'jpeg') { return false; }
    if (kind === 'png') {
      return b[25] === 4 || b[25] === 6 || pngChunk(b, 'tRNS') !== null;
    }
    if (kind === 'webp') {
      return !(b[12] === 0x56 && b[13] === 0x50 && b[14] === 0x38 && b[15] === 0x20);
    }
    if (kind === 'bmp') {
      return b.length > 29 && (b[28] | (b[29] << 8)) === 32;
    }
    return true;
  }

  /** Whether a JPEG has one component (greyscale), from its first frame header. */
  function jpegIsGrey(b) {
    var grey = false;
    jpegSegments(b, function (marker, at) {
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        grey = b[at + 9] === 1;
        return true;
      }
      return false;
    });
    return grey;
  }

  /** A copy of a JPEG whose EXIF orientation says "as stored", so the browser does not rotate it. */
  function withoutOrientation(b) {
    var copy = new Uint8Array(b);
    jpegSegments(copy, function (marker, at) {
      if (marker !== 0xe1 || copy[at + 4] !== 0x45 || copy[at + 5] !== 0x78 || copy[at + 6] !== 0x69 || copy[at + 7] !== 0x66) {
        return false;
      }
      var tiff = at + 10;
      var little = copy[tiff] === 0x49;
      var read16 = function (i) { return little ? copy[i] | (copy[i + 1] << 8) : (copy[i] << 8) | copy[i + 1]; };
      var read32 = function (i) { return little ? (copy[i] | (copy[i + 1] << 8) | (copy[i + 2] << 16) | (copy[i + 3] << 24)) >>> 0 : be32(copy, i); };
      var ifd = tiff + read32(tiff + 4);
      var entries = ifd + 2 <= copy.length ? read16(ifd) : 0;
      for (var e = 0; e < entries; e++) {
        var entry = ifd + 2 + 12 * e;
        if (entry + 12 > copy.length) { break; }
        if (read16(entry) === 0x0112) {
          if (little) { copy[entry + 8] = 1; copy[entry + 9] = 0; } else { copy[entry + 8] = 0; copy[entry + 9] = 1; }
        }
      }
      return false;
    });
    return copy;
  }

  function pixelsWithWebGl(bitmap) {
    var canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
    var gl = canvas.getContext('webgl2') || canvas.getContext('webgl');
    if (!gl) { return null; }
    var w = bitmap.width, h = bitmap.height;
    if (w > gl.getParameter(gl.MAX_TEXTURE_SIZE) || h > gl.getParameter(gl.MAX_TEXTURE_SIZE)) { return null; }
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
    gl.pixelStorei(gl.UNPACK_COLORSPACE_CONVERSION_WEBGL, gl.NONE);
    gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
    var texture = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, bitmap);
    var framebuffer = gl.createFramebuffer();
    gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, texture, 0);
    if (gl.checkFramebufferStatus(gl.FRAMEBUFFER) !== gl.FRAMEBUFFER_COMPLETE) { return null; }
    var out = new Uint8Array(w * h * 4);
    gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, out);
    var failed = gl.getError() !== gl.NO_ERROR;
    gl.deleteFramebuffer(framebuffer);
    gl.deleteTexture(texture);
    var lose = gl.getExtension('WEBGL_lose_context');
    if (lose) { lose.loseContext(); }
    return failed ? null : out;
  }

  /**
   * The pixels PDQ reads (the sampled grid of a large image, else all), through a 2D canvas: exact for
   * opaque images. Returns {pixels, width, height} of the grid.
   */
  function pixelsWithCanvas(bitmap) {
    var width = bitmap.width, height = bitmap.height;
    var canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(width, height) : document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    var context = canvas.getContext('2d', { willReadFrequently: true, colorSpace: 'srgb' });
    context.drawImage(bitmap, 0, 0);
    var grid = global.RecoursePdq.sampledGrid(width, height);
    if (grid.rows.length === height && grid.cols.length === width) {
      return { pixels: context.getImageData(0, 0, width, height, { colorSpace: 'srgb' }).data, width: width, height: height };
    }
    var n = grid.cols.length;
    var out = new Uint8ClampedArray(grid.rows.length * n * 4);
    var lastRow = -1, line = null;
    for (var i = 0; i < grid.rows.length; i++) {
      if (grid.rows[i] !== lastRow) {
        lastRow = grid.rows[i];
        line = context.getImageData(0, lastRow, width, 1, { colorSpace: 'srgb' }).data;
      }
      for (var j = 0; j < n; j++) {
        var from = grid.cols[j] * 4, to = (i * n + j) * 4;
        out[to] = line[from]; out[to + 1] = line[from + 1]; out[to + 2] = line[from + 2]; out[to + 3] = line[from + 3];
      }
    }
    return { pixels: out, width: n, height: grid.rows.length };
  }

  /**
   * Hashes a File or Blob. Resolves to {pdq, quality, md5, width, height, reader} or {error} where
   * error is 'tiff', 'format' or 'decode'.
   */
  function hashFile(blob) {
    return blob.arrayBuffer().then(function (buffer) {
      var bytes = u8(buffer);
      var kind = format(bytes);
      if (kind === 'tiff') { return { error: 'tiff' }; }
      if (kind === null) { return { error: 'format' }; }
      var md5 = global.RecoursePdq.md5(buffer);
      var grey = kind === 'png' ? pngIsGrey(bytes) : kind === 'jpeg' ? jpegIsGrey(bytes) : false;
      var source = kind === 'jpeg' ? new Blob([withoutOrientation(bytes)]) : new Blob([bytes]);
      return createImageBitmap(source, { colorSpaceConversion: 'none', premultiplyAlpha: 'none', imageOrientation: 'from-image' })
        .then(function (bitmap) {
          var reader = 'canvas';
          var pixels = null;
          if (mayHaveAlpha(kind, bytes)) {
            reader = 'webgl';
            try { pixels = pixelsWithWebGl(bitmap); } catch (e) { pixels = null; }
          }
          var width = bitmap.width, height = bitmap.height, grid;
          if (pixels) {
            grid = { pixels: pixels, width: width, height: height };
          } else {
            reader = 'canvas';
            grid = pixelsWithCanvas(bitmap);
          }
          bitmap.close();
          var hash = global.RecoursePdq.pdq(grid.pixels, grid.width, grid.height, grey);
          return { pdq: hash.hex, quality: hash.quality, md5: md5, width: width, height: height, reader: reader };
        }, function () { return { error: 'decode' }; });
    });
  }

  global.RecourseHashing = { hashFile: hashFile };
})(typeof window !== 'undefined' ? window : globalThis);
