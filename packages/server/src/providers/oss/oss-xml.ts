import XMLBuilder from 'fast-xml-builder';
import { XMLParser } from 'fast-xml-parser';

// OSS answers S3-shaped XML; fast-xml-parser reads it (numbers kept as text, one Part still a list)
// and fast-xml-builder (its builder, which fast-xml-parser now only re-exports) writes it.
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'Part' });
const builder = new XMLBuilder({});

/** The parsed document, or `{}` when `xml` is empty or not XML. */
export function parseOssXml(xml: string): Record<string, unknown> {
  try {
    return xml.trim().startsWith('<') ? (parser.parse(xml) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The body of CompleteMultipartUpload for `parts`, in order. */
export function completeMultipartXml(parts: readonly { partNumber: number; etag: string }[]): string {
  return builder.build({
    CompleteMultipartUpload: { Part: parts.map((part) => ({ PartNumber: part.partNumber, ETag: part.etag })) },
  });
}

/** An OSS error document's fields (`Code`, `Message`, `RequestId`…), when the body is one. */
export function ossErrorFields(xml: string): Record<string, string> {
  const error = parseOssXml(xml)['Error'];
  return typeof error === 'object' && error !== null ? (error as Record<string, string>) : {};
}
