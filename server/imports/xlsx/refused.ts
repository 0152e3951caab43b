// Why a workbook is not read, in words for the person who sent it. Thrown anywhere in the reader
// and carried out of the worker as its message; anything else thrown there is a damaged file.
export class XlsxRefused extends Error {}
