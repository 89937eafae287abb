// A webpack loader for the `docx` package only (the report's .docx in the task pane, docs/report.md).
// docx builds one RegExp with a lookbehind, for its template patching (patchDocument / patchDetector),
// which the add-in never uses; Safari before 16.4 (Mac Excel's floor) has no lookbehind, and the
// build keeps every script free of them (test/build/built-scripts.test.ts). The pattern is replaced
// by a function that says so if it is ever called. A docx release that moves the pattern fails the
// build here, rather than shipping a lookbehind.
const PATTERN = /var placeholderPattern = \(\{ start, end \}\) => new RegExp\(`\(\?<=[^\n]*\n/;
const REPLACEMENT =
  'var placeholderPattern = () => { throw new Error("docx template patching is not part of the Jixiao add-in"); };\n';

module.exports = function docxNoLookbehind(source) {
  const out = source.replace(PATTERN, REPLACEMENT);
  if (/\(\?<[=!]/.test(out)) throw new Error(`${this.resourcePath}: a regex lookbehind is left in docx; update scripts/docx-no-lookbehind-loader.js`);
  return out;
};
