import { PdfService } from '../../src/pdf/pdf.service';
import { issuanceRequest } from '../support/builders';
import { requestPdf } from '../support/pdf-tools';
import { api, officer, startTestApp, TestApp } from '../support/test-app';

const HOLDER = { certificateNo: 'ZJZ2026000001', name: '张三', idNumber: '330102198001011272' };

/** Polls until the warm-up has ended (it starts on the turn after the application bootstraps). */
async function warmUpEnded(pdfs: PdfService) {
  for (let i = 0; i < 300; i++) {
    const state = pdfs.warmUpStatus;
    if (state.status === 'done' || state.status === 'failed') return state;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the warm-up did not end within 15 s');
}

describe('certificate PDF warm-up at start (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('renders a sample PDF at start, before any download, so the first holder does not pay the cold start', async () => {
    const pdfs = t.app.get(PdfService);
    // No PDF has been asked for: only the start can have rendered one.
    const warmUp = await warmUpEnded(pdfs);
    expect(warmUp.status).toBe('done');
    const warmUpMs = warmUp.status === 'done' ? warmUp.ms : NaN;
    expect(warmUpMs).toBeGreaterThan(0);

    const issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    expect((await api(t, 'POST', '/api/v1/certificates', issuanceRequest(), issuer.token)).status).toBe(201);
    const start = performance.now();
    const first = await requestPdf(t, 'POST', '/api/v1/holder/certificate-pdf', HOLDER);
    const firstMs = performance.now() - start;
    expect(first.status).toBe(200);
    expect(first.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // The warm-up paid for fontkit's table parsing and the unoptimised first run; the first
    // real download (HTTP, lookup, render, two signatures) now costs less than it did.
    expect(firstMs).toBeLessThan(warmUpMs);
  });
});
