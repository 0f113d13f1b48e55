// Printing a page. In Electron the shell prints (webContents.print / printToPDF, through the
// preload's window.ledger.print*); in a browser, window.print(). Either way the print style sheet
// (styles.css, @media print) leaves the menu, the header's controls and the buttons off the paper,
// and `printing` tells paginated tables to show every row while the page is printed.
import { create } from 'zustand';

interface PrintResult {
  ok: boolean;
  cancelled?: boolean;
  path?: string | null;
  error?: string;
}
interface ShellPrinter {
  print?: () => Promise<PrintResult>;
  printToPDF?: (fileName?: string) => Promise<PrintResult>;
}

/** True while the page is being printed: lists drop their pagination. */
export const usePrinting = create<{ printing: boolean }>(() => ({ printing: false }));

if (typeof window !== 'undefined') {
  // Ctrl+P and the browser's own menu print too.
  window.addEventListener('beforeprint', () => usePrinting.setState({ printing: true }));
  window.addEventListener('afterprint', () => usePrinting.setState({ printing: false }));
}

function shell(): ShellPrinter | undefined {
  return typeof window === 'undefined' ? undefined : (window.ledger as ShellPrinter | undefined);
}

/** Whether the shell can save the page as a PDF itself (Electron); a browser's print dialog does. */
export function canSavePdf(): boolean {
  return typeof shell()?.printToPDF === 'function';
}

/** Lets React render the unpaginated lists before the page is printed. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

async function withPrinting<T>(run: () => Promise<T> | T): Promise<T> {
  usePrinting.setState({ printing: true });
  await nextPaint();
  try {
    return await run();
  } finally {
    usePrinting.setState({ printing: false });
  }
}

/** Prints the page: the shell's print dialog in Electron, window.print() in a browser. */
export async function printPage(): Promise<PrintResult> {
  const s = shell();
  return withPrinting(async () => {
    if (typeof s?.print === 'function') return s.print();
    window.print();
    return { ok: true };
  });
}

/** Electron only: the page as a PDF, saved where the officer chooses. */
export async function savePagePdf(fileName: string): Promise<PrintResult> {
  const s = shell();
  if (typeof s?.printToPDF !== 'function') return printPage();
  return withPrinting(() => s.printToPDF!(fileName));
}
