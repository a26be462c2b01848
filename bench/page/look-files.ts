// The files every widget of the look comparison shows: two photos, a PDF and a file with a long
// name, each padded to a believable size (bytes after a JPEG's end marker or a PDF's %%EOF are ignored).

import { drawnPhoto } from '@ferry/testing/drawn-photo';

const KiB = 1024;
const MiB = 1024 * KiB;

const PDF = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
trailer << /Root 1 0 R >>
%%EOF
`;

function padded(name: string, type: string, head: BlobPart, size: number): File {
  const headSize = new Blob([head]).size;
  return new File([head, new Uint8Array(Math.max(0, size - headSize))], name, { type });
}

/** The four files, the same for every widget and state. */
export async function lookFiles(): Promise<File[]> {
  return [
    padded('beach-sunset.jpg', 'image/jpeg', await drawnPhoto(200), 2.4 * MiB),
    padded('forest-trail.jpg', 'image/jpeg', await drawnPhoto(100), 3.1 * MiB),
    padded('contract.pdf', 'application/pdf', PDF, 840 * KiB),
    padded(
      'Annual general meeting minutes and appendices, final version approved by the board (2026).docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'PK',
      126 * KiB,
    ),
  ];
}
