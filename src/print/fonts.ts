// The print font: Atkinson Hyperlegible, the game's own typeface (made for readers with low
// vision), embedded in the PDF so that every French character prints — the PDF standard fonts
// only know WinAnsi. The TTF files come from an npm package and are fetched only when a PDF is
// made; jsPDF keeps only the glyphs used.
import type { jsPDF } from 'jspdf';
import regularUrl from '@expo-google-fonts/atkinson-hyperlegible/400Regular/AtkinsonHyperlegible_400Regular.ttf?url';
import boldUrl from '@expo-google-fonts/atkinson-hyperlegible/700Bold/AtkinsonHyperlegible_700Bold.ttf?url';
import italicUrl from '@expo-google-fonts/atkinson-hyperlegible/400Regular_Italic/AtkinsonHyperlegible_400Regular_Italic.ttf?url';

export const PRINT_FONT = 'AtkinsonHyperlegible';
/** Used when the font files cannot be fetched (a connection lost after the page loaded). */
export const FALLBACK_FONT = 'helvetica';

const FILES = { normal: regularUrl, bold: boldUrl, italic: italicUrl } as const;

/** jsPDF's virtual file system takes fonts as "binary strings" (one char per byte). */
function binaryString(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let result = '';
  for (let i = 0; i < bytes.length; i += 0x8000) result += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return result;
}

/** Adds the print font to the document; returns the font family to use. */
export async function addPrintFont(doc: jsPDF): Promise<string> {
  try {
    const files = await Promise.all(
      Object.entries(FILES).map(async ([style, url]) => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        return [style, binaryString(await response.arrayBuffer())] as const;
      }),
    );
    for (const [style, data] of files) {
      const file = `${PRINT_FONT}-${style}.ttf`;
      doc.addFileToVFS(file, data);
      doc.addFont(file, PRINT_FONT, style);
    }
    return PRINT_FONT;
  } catch {
    return FALLBACK_FONT;
  }
}
