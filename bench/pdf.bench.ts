import { benchPdf } from './pdf-bench';
import { benchPdfLoad } from './pdf-load';

const ms = (n: number) => `${n.toFixed(n < 100 ? 1 : 0).padStart(8)} ms`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

/**
 * The PDF benchmark: warm render + both PDF signatures against bare pdfkit, cold start, size;
 * then a real service process: boot, its first PDF, and memory under a load of distinct certificates.
 */
export async function benchPdfReport(): Promise<void> {
  const r = await benchPdf();
  console.log('\nCertificate PDF');
  console.log(`  warm render + two PDF signatures, per certificate ${ms(r.warmMsPerPdf)}`);
  console.log(`  bare pdfkit, the same page (interleaved)          ${ms(r.barePdfkitMsPerPage)}`);
  console.log(
    `  ratio                                             ${r.ratio.toFixed(2).padStart(8)}    (goal ≤ 2: ${verdict(r.ratio <= 2)})`,
  );
  console.log(`  first PDF of a fresh Node process, no warm-up     ${ms(r.coldFirstPdfMs)}`);
  console.log(
    `  signed PDF size                                   ${(r.pdfBytes / 1024).toFixed(1).padStart(8)} KB (goal ≤ 300 KB: ${verdict(r.pdfBytes <= 300 * 1024)})`,
  );
  const load = await benchPdfLoad();
  console.log(`\nCertificate PDF in the service (SQLite, ${load.certificates} distinct certificates)`);
  console.log(
    `  boot: spawn to the first healthy answer           ${ms(load.bootMs)}  (RSS ${load.bootRssMb.toFixed(0)} MB)`,
  );
  console.log(
    `  first PDF request of the fresh process            ${ms(load.firstPdfMs)}  (goal ≤ 700 ms: ${verdict(load.firstPdfMs <= 700)})`,
  );
  console.log(`  the next PDF request, another certificate         ${ms(load.secondPdfMs)}`);
  console.log(
    `  ${load.concurrency} clients downloading distinct certificates    ${load.pdfsPerSecond.toFixed(1).padStart(8)} PDF/s, p50 ${load.p50Ms.toFixed(0)} ms, p99 ${load.p99Ms.toFixed(0)} ms, ${load.refused} refused`,
  );
  console.log(
    `  RSS high-water mark (VmHWM)                       ${load.peakRssMb.toFixed(0).padStart(8)} MB (goal ≤ 300 MB: ${verdict(load.peakRssMb <= 300)})`,
  );
}
