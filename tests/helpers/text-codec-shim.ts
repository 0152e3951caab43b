// Stands in for @borewit/text-codec (an ESM-only dependency of file-type) in API tests: jest's
// transformIgnorePatterns does not list @borewit, so jest cannot load the real one. Same two
// functions, same encodings, on Node's Buffer; file-type itself runs unchanged.
// Remove once jest.config.js lets @borewit through the transform.
const ENCODINGS: Record<string, BufferEncoding> = {
  'utf-8': 'utf8', utf8: 'utf8', 'utf-16le': 'utf16le', 'us-ascii': 'latin1', ascii: 'latin1',
  latin1: 'latin1', 'iso-8859-1': 'latin1', 'windows-1252': 'latin1',
};

function encodingOf(name: string): BufferEncoding {
  const e = ENCODINGS[name.toLowerCase()];
  if (!e) throw new RangeError(`Encoding '${name}' not supported`);
  return e;
}

export const textDecode = (bytes: Uint8Array, encoding = 'utf-8') => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(encodingOf(encoding));
export const textEncode = (input = '', encoding = 'utf-8') => new Uint8Array(Buffer.from(input, encodingOf(encoding)));
