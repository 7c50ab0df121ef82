/** A list in an XML answer: each item is wrapped in an element named `member`. */
export class XmlList {
  constructor(
    readonly member: string,
    readonly items: readonly XmlValue[],
  ) {}
}

/** Anything the Query protocol's XML answers are built from; absent values are omitted. */
export type XmlValue =
  string | number | boolean | Date | null | undefined | XmlList | { [element: string]: XmlValue };

/** Escapes text for an XML element body. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Renders one element and everything below it. */
export function xmlElement(name: string, value: XmlValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof XmlList) {
    return `<${name}>${value.items.map((item) => xmlElement(value.member, item)).join('')}</${name}>`;
  }
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`;
  if (typeof value === 'object') {
    const children = Object.entries(value)
      .map(([child, childValue]) => xmlElement(child, childValue))
      .join('');
    return `<${name}>${children}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}
