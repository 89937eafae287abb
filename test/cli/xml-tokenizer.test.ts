/** The strict tokenizer under the package layer (src/cli/xml-parse.ts): spans, offsets, decoding, refusals. */
import { PackageError } from "../../src/cli/package-error";
import { applySplices, appendChildSplice, decodeXmlBytes, declareUtf8, descendantsNamed, parseXml, startTagXml } from "../../src/cli/xml-parse";

describe("parseXml: element spans", () => {
  test("offsets cover the start tag, the content and the end tag as written (quotes, spaces, `>` in values, `</c >`)", () => {
    const xml = `<?xml version="1.0"?>\n<x:w xmlns:x="m"><x:c r = 'E6' note="a/>b>c"><x:v>2</x:v></x:c ><x:c r="F6"/></x:w>`;
    const root = parseXml(xml, "t");
    const [c1, c2] = root.children;
    expect(xml.slice(c1.start, c1.openEnd)).toBe(`<x:c r = 'E6' note="a/>b>c">`);
    expect(xml.slice(c1.openEnd, c1.closeStart)).toBe("<x:v>2</x:v>");
    expect(xml.slice(c1.closeStart, c1.end)).toBe("</x:c >");
    expect(c1.attrs).toEqual({ r: "E6", note: "a/>b>c" });
    expect([c1.local, c1.prefix, c1.uri]).toEqual(["c", "x", "m"]);
    expect(xml.slice(c2.start, c2.end)).toBe('<x:c r="F6"/>');
    expect(c2.selfClosing).toBe(true);
    expect(c2.closeStart).toBe(c2.openEnd);
  });

  test("comments are not elements, CDATA and entities are text, line ends normalised as XML says", () => {
    const xml = `<a><!-- <b r="E6">4</b> --><b>x<![CDATA[</t>&amp;]]>&#x4E2D;&lt;\r\ny</b></a>`;
    const root = parseXml(xml, "t");
    expect(root.children.map((c) => c.name)).toEqual(["b"]);
    expect(root.children[0].text).toBe("x</t>&amp;中<\ny");
  });

  test("offsets stay right past characters outside the BMP and CRLF line ends", () => {
    const xml = "<a>\u{1F600}\r\n<b k='\u{1F600}'/>\r\n<c/></a>";
    const root = parseXml(xml, "t");
    for (const el of root.children) expect(xml.slice(el.start, el.end)).toMatch(/^<(b|c)[\s\S]*\/>$/);
  });

  test.each([
    ["a character reference out of range", "<a>&#x110000;</a>"],
    ["a reference to a non-character", "<a>&#0;</a>"],
    ["an undefined entity", "<a>&nbsp;</a>"],
    ["a DTD", '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'],
    ["a duplicate attribute", '<a r="1" r="2"/>'],
    ["a duplicate attribute under two prefixes of one namespace", '<a xmlns:p="u" xmlns:q="u" p:r="1" q:r="2"/>'],
    ["an unclosed CDATA section", "<a><![CDATA[ x </a>"],
    ["a comment holding --", "<a><!-- x -- y --></a>"],
    ["an unbound prefix", "<x:a/>"],
    ["a mismatched end tag", "<a><b></a></b>"],
    ["two roots", "<a/><b/>"],
    ["text after the root", "<a/>x"],
    ["a control character", "<a>\u0001</a>"],
    ["no root", "<?xml version=\"1.0\"?>"],
  ])("%s is refused with a PackageError naming the part", (_what, xml) => {
    expect(() => parseXml(xml, "xl/worksheets/sheet1.xml")).toThrow(PackageError);
    expect(() => parseXml(xml, "xl/worksheets/sheet1.xml")).toThrow(/xl\/worksheets\/sheet1\.xml/);
  });

  test("a streamed element is handed over when it closes and not kept", () => {
    const seen: string[] = [];
    const root = parseXml("<a><r n='1'><c/></r><r n='2'/><z/></a>", "t", {
      keep: (el) => el.local !== "r",
      onClose: (el) => {
        if (el.local === "r") seen.push(`${el.attrs.n}:${el.children.length}`);
      },
    });
    expect(seen).toEqual(["1:1", "2:0"]);
    expect(root.children.map((c) => c.local)).toEqual(["z"]);
    expect(descendantsNamed(root, "c")).toEqual([]);
  });
});

describe("splicing", () => {
  test("edits at offsets keep every other byte; text with $' and $& is put in as it is", () => {
    const xml = `<a><l/><m x='1'>k</m></a>`;
    const root = parseXml(xml, "t");
    const [l, m] = root.children;
    const out = applySplices(xml, [appendChildSplice(xml, l, "<i>$'$&amp;$1</i>"), appendChildSplice(xml, m, "<i/>"), { start: m.start, end: m.openEnd, text: startTagXml(m, { y: `"<&>` }) }]);
    expect(out).toBe(`<a><l><i>$'$&amp;$1</i></l><m x="1" y="&quot;&lt;&amp;&gt;">k<i/></m></a>`);
    expect(() => parseXml(out, "t")).not.toThrow();
  });

  test("overlapping edits are a bug, not a silent corruption", () => {
    expect(() => applySplices("abcdef", [{ start: 1, end: 4, text: "" }, { start: 2, end: 3, text: "" }])).toThrow();
  });
});

describe("decoding a part's bytes", () => {
  const text = '<?xml version="1.0" encoding="UTF-16"?><a>中文 ✓ \u{1F600}</a>';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  const be = Buffer.from(le);
  be.swap16();
  test.each([
    ["UTF-8", Buffer.from(text.replace("UTF-16", "UTF-8"), "utf8"), text.replace("UTF-16", "UTF-8")],
    ["UTF-8 with a BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("<a>中</a>")]), "<a>中</a>"],
    ["UTF-16LE with a BOM", le, text],
    ["UTF-16BE with a BOM", be, text],
    ["UTF-16LE without a BOM", Buffer.from(text, "utf16le"), text],
  ])("%s", (_name, bytes, want) => {
    expect(decodeXmlBytes(bytes, "p").text).toBe(want);
  });

  test("an 8-bit encoding the declaration names (GBK) is decoded, an unknown one refused, bad bytes refused", () => {
    const gbk = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="GBK"?><a>'), Buffer.from([0xd6, 0xd0]), Buffer.from("</a>")]);
    expect(decodeXmlBytes(gbk, "p").text).toContain("<a>中</a>");
    expect(() => decodeXmlBytes(Buffer.from('<?xml version="1.0" encoding="x-nothing"?><a/>'), "p")).toThrow(PackageError);
    expect(() => decodeXmlBytes(Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e]), "xl/sharedStrings.xml")).toThrow(/sharedStrings.*not valid UTF-8/);
  });

  test("a part written back says UTF-8 in its declaration", () => {
    expect(declareUtf8('<?xml version="1.0" encoding="UTF-16" standalone="yes"?><a/>')).toBe('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a/>');
    expect(declareUtf8("<a/>")).toBe("<a/>");
  });
});
