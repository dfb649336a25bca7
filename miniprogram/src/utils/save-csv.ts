import Taro from '@tarojs/taro';

export type CsvOutcome = 'downloaded' | 'copied';

/**
 * Hands a CSV to the member of staff. In the browser (H5) it is saved as a file. A mini-program
 * cannot open a CSV (openDocument takes only office files and PDF), so weapp copies the text to the
 * clipboard for pasting into a spreadsheet or a chat to finance.
 */
export async function saveCsv(fileName: string, csv: string): Promise<CsvOutcome> {
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Revoke later: some browsers start the download only after the click handler returns.
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    return 'downloaded';
  }
  await Taro.setClipboardData({ data: csv });
  return 'copied';
}
