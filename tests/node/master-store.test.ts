import { XlsxMasterStore, googleSheetId, masterStoreFor } from '../../src/node/master-store';

describe('--into targets', () => {
  const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';

  it('recognises a Google Sheets address or gsheet:<id>, and nothing else', () => {
    expect(googleSheetId(`https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`)).toBe(id);
    expect(googleSheetId(`gsheet:${id}`)).toBe(id);
    expect(googleSheetId('master.xlsx')).toBeNull();
    expect(googleSheetId('https://example.com/spreadsheets/d/x')).toBeNull();
  });

  it('uses the local .xlsx store for a file path', async () => {
    const store = await masterStoreFor('examples/master.xlsx');
    expect(store).toBeInstanceOf(XlsxMasterStore);
    expect(store.label).toBe('examples/master.xlsx');
  });

  it('uses the Sheets API store for a Google Sheet', async () => {
    const store = await masterStoreFor(`gsheet:${id}`);
    expect(store.label).toBe(`Google Sheet ${id}`);
  });
});
