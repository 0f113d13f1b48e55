// Downloading a document the core renders (documents.*: .docx as base64) under its own file name.
import type { DocumentFile } from '../../../shared/contract/documents';
import { saveBase64 } from '../../app/download';

export const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function downloadDocument(make: () => Promise<DocumentFile>): Promise<string> {
  const file = await make();
  saveBase64(file.fileName, file.base64, docxType);
  return file.fileName;
}
