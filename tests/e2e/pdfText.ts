// Reads the text of a PDF (every page) with pdf.js in Node, as a reader's PDF viewer would extract it.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const STANDARD_FONTS = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';

export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string; title: string | null }> {
  const document = await getDocument({ data: bytes, isEvalSupported: false, standardFontDataUrl: STANDARD_FONTS }).promise;
  const parts: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  const info = (await document.getMetadata()).info as { Title?: string };
  const result = { pages: document.numPages, text: parts.join('\n').replace(/\s+/g, ' '), title: info.Title ?? null };
  await document.destroy();
  return result;
}
