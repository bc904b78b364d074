import { benchPdf } from './pdf-bench';

/** The PDF benchmark: warm render + both PDF signatures against bare pdfkit, cold start, size. */
export async function benchPdfReport(): Promise<void> {
  const r = await benchPdf();
  console.log('\nCertificate PDF');
  console.log(`  warm render + two PDF signatures, per certificate ${r.warmMsPerPdf.toFixed(1).padStart(8)} ms`);
  console.log(`  bare pdfkit, the same page                        ${r.barePdfkitMsPerPage.toFixed(1).padStart(8)} ms`);
  console.log(`  ratio                                             ${r.ratio.toFixed(2).padStart(8)}    (target ≤ 2)`);
  console.log(`  first PDF in a fresh process (fonts loaded cold)  ${r.coldFirstPdfMs.toFixed(0).padStart(8)} ms`);
  console.log(
    `  signed PDF size                                   ${(r.pdfBytes / 1024).toFixed(1).padStart(8)} KB (target ≤ 300 KB)`,
  );
}
