import { connect } from 'node:net';
import { issuanceRequest, makeIdNumber } from '../support/builders';
import { api, ApiResponse, officer, Officer, startTestApp, TestApp } from '../support/test-app';

/**
 * Writes raw bytes on a socket and returns the status and body of the answer. The socket is
 * not half-closed: Node's server would drop a request still in progress (`Connection: close`
 * makes it close after answering).
 */
function rawRequest(t: TestApp, request: Buffer): Promise<{ status: number; body: unknown }> {
  const { port } = new URL(t.baseUrl);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The server destroys the socket after a client error: a reset may follow the answer.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      try {
        resolve({
          status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]),
          body: JSON.parse(rest.join('\r\n\r\n')) as unknown,
        });
      } catch {
        reject(new Error(`not a JSON answer: ${JSON.stringify(text.slice(0, 300))}`));
      }
    });
  });
}

/** The status, headers and text of the answer to a raw request (a page, not JSON). */
function rawPage(t: TestApp, request: Buffer): Promise<{ status: number; head: string; text: string }> {
  const { port } = new URL(t.baseUrl);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const [head, ...rest] = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), head, text: rest.join('\r\n\r\n') });
    });
  });
}

const get = (path: string, extra = '') =>
  Buffer.from(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n${extra}Connection: close\r\n\r\n`, 'utf8');
const errorShape = (r: ApiResponse | { status: number; body: unknown }) => [
  r.status,
  Object.keys(r.body as object).sort(),
];

describe('hostile input (e2e)', () => {
  let t: TestApp;
  let office: Officer;

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-11-27T02:00:00Z') });
    office = await officer(t, 'amr-office', 'amr', ['admin', 'issuer', 'revoker', 'auditor']);
  });
  afterAll(async () => t.close());

  describe('a body nested deeper than 64 levels is a 400 BODY_TOO_DEEP, before anything recursive sees it', () => {
    const objects = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
    const arrays = (levels: number) => '['.repeat(levels) + '1' + ']'.repeat(levels);
    const routes = [
      '/api/v1/verifications',
      '/api/v1/holder/certificate-pdf',
      '/api/v1/auth/token',
      '/api/v1/certificates',
      '/api/v1/revocations',
    ];

    it.each(
      routes.flatMap((route) => [
        [route, 'objects'],
        [route, 'arrays'],
      ]),
    )('%s, 3,000 levels of %s', async (route, kind) => {
      const body = kind === 'objects' ? objects(3000) : `{"credential":${arrays(3000)}}`;
      const response = await api(t, 'POST', route, body, office.token);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ code: 'BODY_TOO_DEEP', message: expect.stringContaining('64') });
    });

    it('counts brackets only outside strings, and lets 64 levels through to validation', async () => {
      const bracketsInText = await api(t, 'POST', '/api/v1/verifications', { token: '['.repeat(3000) + '"\\"{' });
      expect(bracketsInText.body.code).not.toBe('BODY_TOO_DEEP');
      expect(bracketsInText.status).toBe(200);
      const atLimit = await api(
        t,
        'POST',
        '/api/v1/verifications',
        `{"credential":${'{"a":'.repeat(63)}1${'}'.repeat(63)}}`,
      );
      expect(atLimit.body.code).not.toBe('BODY_TOO_DEEP');
      const overLimit = await api(
        t,
        'POST',
        '/api/v1/verifications',
        `{"credential":${'{"a":'.repeat(64)}1${'}'.repeat(64)}}`,
      );
      expect(overLimit.body.code).toBe('BODY_TOO_DEEP');
    });
  });

  describe('a body is strict JSON: UTF-8 only, one value per name', () => {
    const post = (path: string, body: Buffer | string) =>
      fetch(`${t.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${office.token}` },
        body,
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));
    const issued = async () =>
      Number((await t.dataSource.query<Array<{ n: number | string }>>('SELECT COUNT(*) AS n FROM certificates'))[0].n);

    it('refuses a byte that is not UTF-8 instead of signing U+FFFD into a certificate', async () => {
      const before = await issued();
      const text = JSON.stringify(
        issuanceRequest({}, { idNumber: makeIdNumber('1979-09-09', 3), employer: '浙江X大学' }),
      );
      const [head, tail] = text.split('X');
      const body = Buffer.concat([Buffer.from(head), Buffer.from([0xff]), Buffer.from(tail)]);
      const refused = await post('/api/v1/certificates', body);
      expect([refused.status, refused.body.code]).toEqual([400, 'BODY_NOT_UTF8']);
      expect(await issued()).toBe(before);
    });

    it('refuses a name given twice in one object, wherever it is (the parser kept the last)', async () => {
      const before = await issued();
      const text = JSON.stringify(issuanceRequest({}, { idNumber: makeIdNumber('1979-09-09', 5), name: '王五' }));
      const twice = text.replace('"name":"王五"', '"name":"王五","name":"王六"');
      const refused = await post('/api/v1/certificates', twice);
      expect(refused).toEqual({
        status: 400,
        body: { code: 'BODY_REPEATED_NAME', message: expect.stringContaining('"name"'), details: { name: 'name' } },
      });
      expect(await issued()).toBe(before);
      const credential = await post(
        '/api/v1/verifications',
        '{"credential":{"payload":"x","payload":"eyJ2IjoxfQ","signatures":[]}}',
      );
      expect([credential.status, credential.body.code]).toEqual([400, 'BODY_REPEATED_NAME']);
    });
  });

  describe('what clients send around the body', () => {
    const send = (path: string, headers: Record<string, string>, body?: string) =>
      fetch(`${t.baseUrl}${path}`, { method: 'POST', headers, body }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as Record<string, unknown>,
      }));

    it('an empty body typed as JSON is no body: a bodiless action goes through, a route that needs one says so', async () => {
      const typed = { 'content-type': 'application/json', authorization: `Bearer ${office.token}` };
      // A case that does not exist: the action got past the body to its own answer.
      const action = await send('/api/v1/revocations/999999/confirmation', typed, '');
      expect([action.status, action.body.code]).toEqual([404, 'CASE_NOT_FOUND']);
      const needsBody = await send('/api/v1/certificates', typed, '');
      expect([needsBody.status, needsBody.body.code]).toEqual([400, 'BAD_JSON']);
      const untyped = await send('/api/v1/certificates', { authorization: `Bearer ${office.token}` });
      expect([untyped.status, untyped.body.code]).toEqual([400, 'BAD_JSON']);
    });

    it('a bodiless action refuses a body that says something, and takes {} or none', async () => {
      const typed = { 'content-type': 'application/json', authorization: `Bearer ${office.token}` };
      const path = '/api/v1/revocations/999999/confirmation';
      const named = await send(path, typed, JSON.stringify({ reason: '核实无误' }));
      expect([named.status, named.body.code, named.body.details]).toEqual([400, 'UNKNOWN_FIELD', { field: 'reason' }]);
      for (const notAnObject of ['[1]', 'null', '"x"']) {
        const refused = await send(path, typed, notAnObject);
        expect([notAnObject, refused.status, refused.body.code]).toEqual([notAnObject, 400, 'VALIDATION_FAILED']);
      }
      // Who may not take the action hears so first, as on a route that reads its body.
      const anonymous = await send(path, { 'content-type': 'application/json' }, JSON.stringify({ reason: 'x' }));
      expect([anonymous.status, anonymous.body.code]).toEqual([401, 'AUTH_REQUIRED']);
      for (const body of ['{}', undefined]) {
        const passes = await send(path, typed, body);
        expect([passes.status, passes.body.code]).toEqual([404, 'CASE_NOT_FOUND']);
      }
    });

    it.each(['text/plain', 'application/octet-stream', 'application/x-www-form-urlencoded'])(
      'an empty body typed %s is no body either: the action goes through, a route that needs one says so',
      async (type) => {
        const typed = { 'content-type': type, authorization: `Bearer ${office.token}` };
        const action = await send('/api/v1/revocations/999999/confirmation', typed, '');
        expect([action.status, action.body.code]).toEqual([404, 'CASE_NOT_FOUND']);
        const needsBody = await send('/api/v1/certificates', typed, '');
        expect([needsBody.status, needsBody.body.code]).toEqual([400, 'BAD_JSON']);
        // With a body, the type is still refused.
        const withBody = await send('/api/v1/revocations/999999/confirmation', typed, 'x');
        expect([withBody.status, withBody.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
      },
    );

    it('a coded body is refused with 415: nothing here decompresses it', async () => {
      const coded = await send(
        '/api/v1/verifications',
        { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        JSON.stringify({ token: 'x' }),
      );
      expect([coded.status, coded.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    });

    it('takes the authorization scheme in any case (RFC 9110 §11.1)', async () => {
      const lower = await fetch(`${t.baseUrl}/api/v1/officers`, {
        headers: { authorization: `bearer ${office.token}` },
      });
      expect(lower.status).toBe(200);
    });
  });

  describe('text is stored and compared in NFC; names refuse invisible characters', () => {
    const nfd = 'Zoe\u0308 Mu\u0308ller';
    const nfc = nfd.normalize('NFC');
    const idA = makeIdNumber('1980-01-01', 11);
    const idB = makeIdNumber('1981-02-02', 13);

    beforeAll(async () => {
      const a = await api(
        t,
        'POST',
        '/api/v1/certificates',
        issuanceRequest({}, { name: nfd, idNumber: idA }),
        office.token,
      );
      const b = await api(
        t,
        'POST',
        '/api/v1/certificates',
        issuanceRequest({}, { name: nfc, idNumber: idB }),
        office.token,
      );
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.holder.name).toBe(nfc);
    });

    const search = (name: string, idNumber: string) =>
      api(t, 'GET', `/api/v1/registry/certificates?name=${encodeURIComponent(name)}&idNumber=${idNumber}`);
    const pdf = async (name: string, idNumber: string) => {
      const [found] = (await search(nfc, idNumber)).body as Array<{ certificateNo: string }>;
      return api(t, 'POST', '/api/v1/holder/certificate-pdf', { certificateNo: found.certificateNo, name, idNumber });
    };

    it('finds a name sent decomposed by its composed spelling, and the other way round', async () => {
      expect((await search(nfc, idA)).body).toHaveLength(1);
      expect((await search(nfd, idB)).body).toHaveLength(1);
      expect((await search(nfd, idB)).body[0].holderName).toBe(nfc);
      expect((await pdf(nfc, idA)).status).toBe(200);
      expect((await pdf(nfd, idB)).status).toBe(200);
    });

    it.each([
      ['U+200B', '张\u200b三'],
      ['U+202E', '张\u202e三'],
    ])('refuses %s in a holder name with 400 naming the field and the character', async (character, name) => {
      const response = await api(t, 'POST', '/api/v1/certificates', issuanceRequest({}, { name }), office.token);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        code: 'NAME_INVALID',
        message: `name must not contain the invisible character ${character}`,
        details: { field: 'holder.name', character },
      });
    });

    it.each(['杭州😀公司', '浙江★质量研究院', '杭州\u{1F1E8}\u{1F1F3}公司'])(
      'refuses an emoji or pictograph in the employer (%s), which the certificate would print',
      async (employer) => {
        const refused = await api(t, 'POST', '/api/v1/certificates', issuanceRequest({}, { employer }), office.token);
        expect([refused.status, refused.body.code, refused.body.details?.field]).toEqual([
          400,
          'EMPLOYER_INVALID',
          'holder.employer',
        ]);
        expect(refused.body.message).toMatch(/^employer must not contain the symbol \S+ U\+[0-9A-F]{4,5}: emoji/);
      },
    );

    it('refuses invisible characters in the employer, the holder PDF name, the registry name and the username', async () => {
      const employer = await api(
        t,
        'POST',
        '/api/v1/certificates',
        issuanceRequest({}, { employer: '浙江省计量\u200d科学研究院' }),
        office.token,
      );
      expect([employer.status, employer.body.code, employer.body.details]).toEqual([
        400,
        'EMPLOYER_INVALID',
        { field: 'holder.employer', character: 'U+200D' },
      ]);
      const holderPdf = await api(t, 'POST', '/api/v1/holder/certificate-pdf', {
        certificateNo: 'ZJZ2026000001',
        name: '\u2066张三',
        idNumber: idA,
      });
      expect([holderPdf.status, holderPdf.body.code, holderPdf.body.message]).toEqual([
        400,
        'NAME_INVALID',
        'name must not contain the invisible character U+2066',
      ]);
      const registry = await search('张\u202e三', idA);
      expect([registry.status, registry.body.code, registry.body.details]).toEqual([
        400,
        'NAME_INVALID',
        { field: 'name', character: 'U+202E' },
      ]);
      const login = await api(t, 'POST', '/api/v1/auth/token', {
        username: 'amr-office\u200b',
        password: 'whatever-password',
      });
      expect([login.status, login.body.message]).toEqual([
        400,
        'username must not contain the invisible character U+200B',
      ]);
    });

    it('holds the CSV files rules on the API too: no formula start in an employer, no invisible characters in prose', async () => {
      const formula = await api(
        t,
        'POST',
        '/api/v1/certificates',
        issuanceRequest({}, { idNumber: makeIdNumber('1983-03-03', 9), employer: '=HYPERLINK("http://evil")' }),
        office.token,
      );
      expect([formula.status, formula.body.code, formula.body.details]).toEqual([
        400,
        'EMPLOYER_INVALID',
        { field: 'holder.employer' },
      ]);
      const revocation = (description: string) =>
        api(
          t,
          'POST',
          '/api/v1/revocations',
          {
            certificateNo: 'ZJZ2026000001',
            reasonCategory: 'falsified-materials',
            description,
            decisionDocument: '浙市监人〔2026〕40号',
            decisionDate: '2026-11-26',
            effectiveDate: '2026-11-26',
            serious: true,
          },
          office.token,
        );
      for (const [description, character] of [
        ['申报材料\u202e系伪造', 'U+202E'],
        ['申报材料\ud800系伪造', 'U+D800'],
      ]) {
        const refused = await revocation(description);
        expect([refused.status, refused.body.message]).toEqual([
          400,
          `description must not contain the invisible character ${character}`,
        ]);
      }
      const rejection = await api(t, 'POST', '/api/v1/revocations/1/rejection', { reason: '\u202e' }, office.token);
      expect([rejection.status, rejection.body.message]).toEqual([
        400,
        'reason must not contain the invisible character U+202E',
      ]);
      // Line breaks stay allowed in prose: the proposal gets past the text checks.
      expect((await revocation('申报材料系伪造。\n经查属实。')).body.code).not.toBe('VALIDATION_FAILED');
    });

    it('refuses invisible characters in the prose of a round (a complaint, its finding, a rejected publication), line breaks allowed', async () => {
      const round = '/api/v1/evaluation/rounds/999999';
      const prose: Array<[string, Record<string, unknown>, string]> = [
        [`${round}/objections`, { applicationId: 1, summary: '业绩\u202e造假', receivedOn: '2026-11-26' }, 'summary'],
        [`${round}/objections/1/resolution`, { outcome: 'dismissed', finding: '\u200b' }, 'finding'],
        [`${round}/publication/rejection`, { reason: '文号\u0001有误' }, 'reason'],
      ];
      for (const [path, body, field] of prose) {
        const refused = await api(t, 'POST', path, body, office.token);
        expect([refused.status, refused.body.code, refused.body.details]).toEqual([
          400,
          'VALIDATION_FAILED',
          { field, character: expect.stringMatching(/^U\+/) },
        ]);
        expect(refused.body.message).toMatch(new RegExp(`^${field} must not contain the invisible character U\\+`));
      }
      // Past the text rules, the round's own answer: no such round.
      const multiline = await api(
        t,
        'POST',
        `${round}/objections`,
        { applicationId: 1, summary: '业绩造假。\n附件两份。', receivedOn: '2026-11-26' },
        office.token,
      );
      expect([multiline.status, multiline.body.code]).toEqual([404, 'ROUND_NOT_FOUND']);
    });
  });

  describe('ids in the address: canonical decimal only', () => {
    const bad = ['1e3', '%201', '0x1', '01', '-1', '99999999999', '1.0'];
    const routes: Array<[string, (id: string) => string, string]> = [
      ['GET', (id) => `/api/v1/revocations/${id}`, 'id'],
      ['POST', (id) => `/api/v1/revocations/${id}/confirmation`, 'id'],
      ['GET', (id) => `/api/v1/evaluation/rounds/${id}`, 'id'],
      ['POST', (id) => `/api/v1/evaluation/rounds/1/objections/${id}/resolution`, 'objectionId'],
    ];

    it.each(routes.flatMap(([method, path, parameter]) => bad.map((id) => [method, path(id), parameter])))(
      '%s %s is a 400 naming "%s"',
      async (method, path, parameter) => {
        const response = await api(t, method, path, method === 'POST' ? {} : undefined, office.token);
        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { parameter } });
        expect(response.body.message).toContain(parameter);
      },
    );

    it('a canonical id goes through to the lookup; audit paging numbers are canonical too', async () => {
      expect((await api(t, 'GET', '/api/v1/revocations/1000', undefined, office.token)).body.code).toBe(
        'CASE_NOT_FOUND',
      );
      for (const after of ['1e3', '%201', '0x1', '01']) {
        const response = await api(t, 'GET', `/api/v1/audit/entries?after=${after}`, undefined, office.token);
        expect([after, response.status, response.body.details]).toEqual([after, 400, { field: 'after' }]);
      }
      expect((await api(t, 'GET', '/api/v1/audit/entries?after=0&limit=5', undefined, office.token)).status).toBe(200);
    });
  });

  describe('a message names the real problem: presence, then type, then shape', () => {
    it.each([
      [
        'evaluationYear as a string',
        '/api/v1/certificates',
        issuanceRequest({ evaluationYear: '2026' }),
        'EVALUATION_YEAR_INVALID',
        'evaluationYear must be a whole number',
      ],
      ['rejection without a reason', '/api/v1/revocations/1/rejection', {}, 'VALIDATION_FAILED', 'reason is required'],
      [
        'a missing level',
        '/api/v1/certificates',
        { ...issuanceRequest(), level: undefined },
        'LEVEL_INVALID',
        'level is required',
      ],
      [
        'passedOn as a number',
        '/api/v1/certificates',
        issuanceRequest({ passedOn: 20261120 }),
        'DATE_INVALID',
        'passedOn must be a string',
      ],
      [
        'employer as a number',
        '/api/v1/certificates',
        issuanceRequest({}, { employer: 12345 }),
        'EMPLOYER_INVALID',
        'employer must be a string',
      ],
      [
        'round year as a string',
        '/api/v1/evaluation/rounds',
        { level: 'senior', year: '2026', meetingDate: '2026-12-01' },
        'EVALUATION_YEAR_INVALID',
        'year must be a whole number',
      ],
      [
        'a null description',
        '/api/v1/revocations',
        {
          certificateNo: 'ZJZ2026000001',
          reasonCategory: 'falsified-materials',
          serious: true,
          description: null,
          decisionDocument: '浙市监人〔2026〕40号',
          decisionDate: '2026-11-26',
          effectiveDate: '2026-11-26',
        },
        'VALIDATION_FAILED',
        'description must be a string',
      ],
    ])('%s', async (_case, path, body, code, message) => {
      const response = await api(t, 'POST', path, body, office.token);
      expect([response.status, response.body.code, response.body.message]).toEqual([400, code, message]);
    });
  });

  describe('errors Node answers before the application keep the {code,message} shape', () => {
    it('a 20 KB header is a 431 HEADERS_TOO_LARGE', async () => {
      const response = await rawRequest(t, get('/api/v1/health', `X-Padding: ${'a'.repeat(20_000)}\r\n`));
      expect(response).toEqual({ status: 431, body: { code: 'HEADERS_TOO_LARGE', message: expect.any(String) } });
    });

    it('a 20 KB address is a 431 HEADERS_TOO_LARGE', async () => {
      const response = await rawRequest(t, get(`/api/v1/registry/certificates?name=${'a'.repeat(20_000)}&idNumber=1`));
      expect(response).toEqual({ status: 431, body: { code: 'HEADERS_TOO_LARGE', message: expect.any(String) } });
    });

    it('raw UTF-8 bytes in the query string are a 400 BAD_URL (Node refuses them; percent-encoded they work)', async () => {
      const response = await rawRequest(t, get('/api/v1/registry/certificates?name=张三&idNumber=330102198001011272'));
      expect(response).toEqual({
        status: 400,
        body: { code: 'BAD_URL', message: expect.stringContaining('percent-encode') },
      });
      const encoded = await rawRequest(
        t,
        get(`/api/v1/registry/certificates?name=${encodeURIComponent('张三')}&idNumber=330102198001011272`),
      );
      expect(encoded).toEqual({ status: 200, body: [] });
    });

    it.each([
      ['a byte that is not UTF-8', '/api/v1/registry/certificates?name=%FF&idNumber=330102198001011272'],
      ['a cut UTF-8 sequence', '/api/v1/registry/certificates?name=%E5%BC&idNumber=330102198001011272'],
      ['an escape without hex digits', '/api/v1/registry/certificates?name=%zz&idNumber=330102198001011272'],
      ['an encoded surrogate', '/api/v1/registry/certificates?name=%ED%A0%80&idNumber=330102198001011272'],
    ])('a query with %s is a 400 BAD_URL, not a lookup of U+FFFD', async (_what, path) => {
      const response = await rawRequest(t, get(path));
      expect(response).toEqual({ status: 400, body: { code: 'BAD_URL', message: expect.stringContaining('query') } });
    });

    it.each([
      ['/v?no=%FF', '网址中含有无法识别的字符'],
      ['/v/ZJZ2026000001?from=%E5%BC', '网址中含有无法识别的字符'],
      ['/notices?page=%zz', '网址中含有无法识别的字符'],
      ['/download?no=%FF', '网址中含有无法识别的字符'],
      ['/?a=%ED%A0%80', '网址中含有无法识别的字符'],
      // A malformed path, refused by Fastify before any route: still a page at a page's address.
      ['/v/%FF', '网址中含有无法识别的字符'],
    ])('a page whose query is malformed (%s) says so in Chinese, with the status 400', async (path, text) => {
      const response = await fetch(`${t.baseUrl}${path}`, { redirect: 'manual' });
      expect([response.status, response.headers.get('content-type')]).toEqual([400, 'text/html; charset=utf-8']);
      const html = await response.text();
      // The notices page keeps its own heading and says why in place of the list.
      if (!path.startsWith('/notices')) expect(html).toContain('网址有误');
      expect(html).toContain(text);
      // The landing page stays itself, with the refusal above its content.
      if (path.startsWith('/?'))
        expect(html).toContain('<h1 class="card-title">浙江省质量技术基础专业职称电子证书</h1>');
      expect(html).not.toContain('BAD_URL');
      // Every page, the one Fastify answers before routing included, carries the security headers.
      expect([response.headers.get('cache-control'), response.headers.get('x-frame-options')]).toEqual([
        'no-store',
        'SAMEORIGIN',
      ]);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    });

    it.each([
      ['raw UTF-8 in a page address', get('/v/张三'), 400, '网址有误'],
      ['raw UTF-8 in a page query', get('/v?no=张三'), 400, '网址有误'],
      ['a 20 KB page address', get(`/v?no=${'A'.repeat(20_000)}`), 431, '无法处理该请求'],
    ])('%s, refused by Node before any route, is still a Chinese page', async (_what, request, status, title) => {
      const answer = await rawPage(t, request);
      expect([answer.status, /content-type: text\/html; charset=utf-8/i.test(answer.head)]).toEqual([status, true]);
      expect(answer.text).toContain(title);
      expect(answer.text).toContain('<html lang="zh-CN"');
      expect(answer.head).toMatch(/cache-control: no-store/i);
      expect(answer.head).toMatch(/content-security-policy: default-src 'self'/i);
    });

    it.each(['/v%FF', '/v;x', '/notices%00', '/v%2FZJZ2026000001', '/download.php'])(
      'an address beside a page (%s) is answered with a page too',
      async (path) => {
        const answer = await rawPage(t, get(path));
        expect([answer.status >= 400, /content-type: text\/html/i.test(answer.head)]).toEqual([true, true]);
        expect(answer.text).not.toContain('"code"');
      },
    );

    it('a request line that is not HTTP is a 400 in the same shape', async () => {
      const response = await rawRequest(t, Buffer.from('HELLO THERE\r\n\r\n'));
      expect(errorShape(response)).toEqual([400, ['code', 'message']]);
    });
  });

  describe('a method a path does not answer is a 405 naming the ones it does (RFC 9110 §15.5.6)', () => {
    it.each([
      ['DELETE', '/api/v1/registry/certificates?name=x&idNumber=1', 'GET, HEAD, OPTIONS'],
      ['PUT', '/api/v1/health', 'GET, HEAD'],
      ['POST', '/api/v1/notices', 'GET, HEAD'],
      ['OPTIONS', '/api/v1/certificates', 'GET, HEAD, POST'],
      ['PATCH', '/api/v1/verifications', 'POST'],
    ])('%s %s → 405, Allow: %s', async (method, path, allow) => {
      const response = await fetch(`${t.baseUrl}${path}`, { method });
      expect([response.status, response.headers.get('allow'), await response.json()]).toEqual([
        405,
        allow,
        {
          code: 'METHOD_NOT_ALLOWED',
          message: expect.stringContaining(method),
          details: { allowed: allow.split(', ') },
        },
      ]);
    });

    it('TRACE (which fetch will not send) is a 405 too', async () => {
      const response = await rawRequest(
        t,
        Buffer.from('TRACE /api/v1/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'),
      );
      expect(response).toEqual({
        status: 405,
        body: { code: 'METHOD_NOT_ALLOWED', message: expect.any(String), details: { allowed: ['GET', 'HEAD'] } },
      });
    });

    it('a path no method answers stays a 404 ROUTE_NOT_FOUND', async () => {
      const response = await fetch(`${t.baseUrl}/api/v1/no-such-thing`, { method: 'DELETE' });
      expect([response.status, response.headers.get('allow'), (await response.json()).code]).toEqual([
        404,
        null,
        'ROUTE_NOT_FOUND',
      ]);
    });
  });
});
