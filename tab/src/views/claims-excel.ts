import writeXlsxFile from 'write-excel-file/browser';
import { saveBlob } from '../api';

export interface ExcelClaim {
  readonly mentor: string;
  readonly date: string;
  readonly amountPence: number;
  readonly purpose: string;
  readonly state: string;
}

/** The month's claims as a workbook for finance: amounts as numbers in pounds, so they add up in Excel. */
export async function saveClaimsWorkbook(month: string, claims: readonly ExcelClaim[]): Promise<void> {
  const header = ['Mentor', 'Date', 'Amount (£)', 'Purpose', 'State'].map((value) => ({ value, fontWeight: 'bold' as const }));
  const rows = claims
    .filter((claim) => claim.state !== 'rejected')
    .map((claim) => [{ value: claim.mentor }, { value: claim.date }, { value: claim.amountPence / 100, format: '0.00' }, { value: claim.purpose }, { value: claim.state }]);
  const blob = await writeXlsxFile([header, ...rows], { columns: [{ width: 28 }, { width: 12 }, { width: 12 }, { width: 40 }, { width: 12 }], sheet: month }).toBlob();
  saveBlob(blob, `claims-${month}.xlsx`);
}
