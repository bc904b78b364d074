import { existsSync } from 'node:fs';
import { HANAZONO_FONTS } from '../../src/config/fallback-fonts';
import { issuanceRequest, makeIdNumber } from '../support/builders';
import { pdfFonts, pdfText, requestPdf } from '../support/pdf-tools';
import { api, officer, Officer, startTestApp, TestApp } from '../support/test-app';

/** 𠀀 U+20000 opens CJK Extension B, which Noto Serif SC lacks; such names are real in China. */
const NAME = '𠀀明';
const ID_NUMBER = makeIdNumber('1979-05-06', 5);
const APPLICATION_HEADER =
  '姓名,身份证号,工作单位,专业,申报渠道,量化赋分,真实性承诺,单位公示开始,单位公示结束,主管部门审核,中评委推荐';
const REFUSAL = { field: 'holder.name', characters: ['𠀀'], codePoints: ['U+20000'] };

// ensure-test-tools.sh installs fonts-hanazono; without it there is no default fallback to test.
const withHanazono = HANAZONO_FONTS.every((path) => existsSync(path)) ? describe : describe.skip;

withHanazono('a name in CJK Extension B with the default fallback fonts (e2e)', () => {
  let t: TestApp;
  let issuer: Officer;

  beforeAll(async () => {
    t = await startTestApp();
    issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
  });
  afterAll(async () => t.close());

  it('is issued, and its PDF embeds a HanaMin subset beside Noto and gives the character back as text', async () => {
    expect(t.config.pdfFallbackFonts).toEqual(HANAZONO_FONTS);
    const issued = await api(
      t,
      'POST',
      '/api/v1/certificates',
      issuanceRequest({}, { name: NAME, idNumber: ID_NUMBER, employer: '浙江省𠀀计量科学研究院' }),
      issuer.token,
    );
    expect(issued.status).toBe(201);
    const pdf = await requestPdf(t, 'POST', '/api/v1/holder/certificate-pdf', {
      certificateNo: issued.body.certificateNo,
      name: NAME,
      idNumber: ID_NUMBER,
    });
    expect(pdf.status).toBe(200);
    const fonts = await pdfFonts(pdf.bytes);
    expect(fonts.filter((font) => !font.embedded)).toEqual([]);
    const names = fonts.map((font) => font.name);
    expect(names).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^[A-Z]{6}\+NotoSerifSC-Regular$/),
        expect.stringMatching(/^[A-Z]{6}\+HanaMin[AB]$/),
      ]),
    );
    const text = await pdfText(pdf.bytes);
    expect(text).toContain(NAME);
    expect(text).toContain('浙江省𠀀计量科学研究院');
  });

  it('is refused at download, not printed as an empty box, by a service started without the fallback', async () => {
    const issued = await api(
      t,
      'POST',
      '/api/v1/certificates',
      issuanceRequest({ level: 'senior', specialty: 'quality' }, { name: NAME, idNumber: ID_NUMBER }),
      issuer.token,
    );
    expect(issued.status).toBe(201);
    const bare = await startTestApp({ databaseUrl: t.databaseUrl, env: { PDF_FALLBACK_FONTS: '' } });
    try {
      const pdf = await requestPdf(bare, 'POST', '/api/v1/holder/certificate-pdf', {
        certificateNo: issued.body.certificateNo,
        name: NAME,
        idNumber: ID_NUMBER,
      });
      expect([pdf.status, pdf.json.code, pdf.json.details]).toEqual([
        422,
        'PDF_CHARACTER_UNSUPPORTED',
        { characters: ['𠀀'], codePoints: ['U+20000'] },
      ]);
    } finally {
      await bare.close();
    }
  });
});

describe('a name no configured font can draw (e2e)', () => {
  let t: TestApp;
  let issuer: Officer;
  let admin: Officer;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-11-02T02:00:00Z'), env: { PDF_FALLBACK_FONTS: '' } });
    issuer = await officer(t, 'amr-issuer', 'amr', ['issuer']);
    admin = await officer(t, 'amr-office', 'amr', ['admin']);
  });
  afterAll(async () => t.close());

  it('is refused at issuance with 422 naming the character and the field, and nothing is stored', async () => {
    expect(t.config.pdfFallbackFonts).toEqual([]);
    const request = issuanceRequest({ passedOn: '2026-10-20' }, { name: NAME, idNumber: ID_NUMBER });
    const refused = await api(t, 'POST', '/api/v1/certificates', request, issuer.token);
    expect([refused.status, refused.body.code]).toEqual([422, 'PDF_CHARACTER_UNSUPPORTED']);
    expect(refused.body.details).toEqual(REFUSAL);
    expect(refused.body.message).toContain('U+20000');
    const employer = await api(
      t,
      'POST',
      '/api/v1/certificates',
      issuanceRequest({ passedOn: '2026-10-20' }, { idNumber: ID_NUMBER, employer: '浙江省𠀀研究院' }),
      issuer.token,
    );
    expect([employer.status, employer.body.details]).toEqual([422, { ...REFUSAL, field: 'holder.employer' }]);
    const stored = await t.dataSource.query('SELECT COUNT(*) AS n FROM certificates');
    expect(Number(stored[0].n)).toBe(0);
    const sequences = await t.dataSource.query('SELECT COUNT(*) AS n FROM certificate_sequences');
    expect(Number(sequences[0].n)).toBe(0);
  });

  it('is refused as an applicant, from JSON and in a CSV file (line and column), before any round issuance', async () => {
    const round = await api(
      t,
      'POST',
      '/api/v1/evaluation/rounds',
      { level: 'professor', year: 2026, meetingDate: '2026-12-18' },
      admin.token,
    );
    expect(round.status).toBe(201);
    const base = `/api/v1/evaluation/rounds/${round.body.id as number}/applications`;
    const application = {
      name: NAME,
      idNumber: ID_NUMBER,
      employer: '浙江省计量科学研究院',
      specialty: 'metrology',
      channel: 'regular',
      quantitativeScore: null,
      pledge: true,
      employerPublicityStart: '2026-10-12',
      employerPublicityEnd: '2026-10-16',
      departmentReviewed: true,
      intermediateRecommended: false,
    };
    const json = await api(t, 'POST', base, application, admin.token);
    expect([json.status, json.body.code, json.body.details]).toEqual([
      422,
      'PDF_CHARACTER_UNSUPPORTED',
      { ...REFUSAL, field: 'name' },
    ]);
    const file = `${APPLICATION_HEADER}\n${NAME},${ID_NUMBER},浙江省计量科学研究院,计量,常规,,是,2026-10-12,2026-10-16,是,\n`;
    const csv = await api(t, 'POST', `${base}/import`, file, admin.token, {
      'content-type': 'text/csv; charset=utf-8',
    });
    expect([csv.status, csv.body.code]).toEqual([400, 'CSV_INVALID']);
    expect(csv.body.details.problems).toEqual([
      {
        line: 2,
        field: '姓名',
        code: 'PDF_CHARACTER_UNSUPPORTED',
        reason: expect.stringContaining('U+20000'),
        details: { characters: ['𠀀'], codePoints: ['U+20000'] },
      },
    ]);
    expect((await api(t, 'GET', base, undefined, admin.token)).body).toEqual([]);
  });
});
