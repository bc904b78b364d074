// The console's PDF download: the name it saves under, run by the unit project under Node.
import { attachmentDisposition } from '../../../src/pdf/content-disposition';
import { offeredFileName } from './pdf-download';

describe('the file name a PDF answer offers', () => {
  it('is the UTF-8 name the service sends', () => {
    expect(offeredFileName(attachmentDisposition('certificate.pdf', '职称证书-ZJZ2026000001.pdf'), 'x.pdf')).toBe(
      '职称证书-ZJZ2026000001.pdf',
    );
  });

  it('falls back to the plain name, then to the given one', () => {
    expect(offeredFileName('attachment; filename="a.pdf"; filename*=UTF-8\'\'%E8%ZZ', 'x.pdf')).toBe('a.pdf');
    expect(offeredFileName(null, 'x.pdf')).toBe('x.pdf');
  });
});
