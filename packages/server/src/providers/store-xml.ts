import XMLBuilder from 'fast-xml-builder';
import { XMLParser } from 'fast-xml-parser';
import type { OpenUploadPage, ProviderPart } from './provider.js';

// S3 and OSS answer the same XML shapes; fast-xml-parser reads them (numbers kept as text, one Part still a list)
// and fast-xml-builder (its builder, which fast-xml-parser now only re-exports) writes it.
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'Part' || name === 'Upload' });
const builder = new XMLBuilder({});

/** The parsed document, or `{}` when `xml` is empty or not XML. */
export function parseStoreXml(xml: string): Record<string, unknown> {
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

/** An S3 or OSS error document's fields (`Code`, `Message`, `RequestId`…), when the body is one. */
export function storeErrorFields(xml: string): Record<string, string> {
  const error = parseStoreXml(xml)['Error'];
  return typeof error === 'object' && error !== null ? (error as Record<string, string>) : {};
}

/** The store's refusal of a server-side call; `name` is the store's `Code` (`NoSuchUpload`…). */
export class StoreCallError extends Error {
  constructor(
    code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = code;
  }
}

/** A store's error answer (status and XML body) as a {@link StoreCallError}. */
export function storeCallError(status: number, xml: string, store: string): StoreCallError {
  const fields = storeErrorFields(xml);
  return new StoreCallError(
    fields['Code'] ?? `HTTP${status}`,
    fields['Message'] ?? `${store} answered ${status}.`,
    status,
  );
}

/** A ListMultipartUploadsResult document (S3 and OSS alike) as a page of open uploads. */
export function parseOpenUploads(xml: string): OpenUploadPage {
  const result = (parseStoreXml(xml)['ListMultipartUploadsResult'] ?? {}) as {
    Upload?: Record<string, string>[];
    IsTruncated?: string;
    NextKeyMarker?: string;
    NextUploadIdMarker?: string;
  };
  return {
    uploads: (result.Upload ?? []).map((upload) => ({
      key: upload['Key'] ?? '',
      uploadId: upload['UploadId'] ?? '',
      initiated: new Date(upload['Initiated'] ?? 0),
    })),
    truncated: result.IsTruncated === 'true',
    nextKeyMarker: result.NextKeyMarker || undefined,
    nextUploadIdMarker: result.NextUploadIdMarker || undefined,
  };
}

/** A ListPartsResult document (S3 and OSS alike): its parts, and the marker of the next page if there is one. */
export function parsePartsPage(xml: string): { parts: ProviderPart[]; nextMarker: string | undefined } {
  const page = (parseStoreXml(xml)['ListPartsResult'] ?? {}) as {
    Part?: Record<string, string>[];
    IsTruncated?: string;
    NextPartNumberMarker?: string;
  };
  return {
    parts: (page.Part ?? []).map((part) => ({
      partNumber: Number(part['PartNumber']),
      size: Number(part['Size']),
      etag: String(part['ETag']),
    })),
    nextMarker: page.IsTruncated === 'true' && page.NextPartNumberMarker ? page.NextPartNumberMarker : undefined,
  };
}
