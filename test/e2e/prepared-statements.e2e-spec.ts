import { issuanceRequest, makeIdNumber } from '../support/builders';
import { api, officer, startTestApp, TestApp } from '../support/test-app';

/**
 * The hot reads and writes are prepared statements (src/database/prepared-query.ts): PostgreSQL
 * keeps each one's plan per connection. A migration that adds a column under a running instance
 * (an expand step of a rolling deployment) must not break them.
 */
describe('prepared statements under a schema change (e2e)', () => {
  let t: TestApp;
  let issuerToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    issuerToken = (await officer(t, 'amr-issuer', 'amr', ['issuer'])).token;
  });
  afterAll(async () => t.close());

  async function issueAndRead(sequence: number): Promise<void> {
    const body = issuanceRequest({}, { idNumber: makeIdNumber('1981-08-08', sequence) });
    const issued = await api(t, 'POST', '/api/v1/certificates', body, issuerToken);
    expect(issued.status).toBe(201);
    const no = issued.body.certificateNo as string;
    // A replay reads the holder's certificate (the group's existing-holder read).
    expect((await api(t, 'POST', '/api/v1/certificates', body, issuerToken)).status).toBe(200);
    expect((await api(t, 'GET', `/api/v1/registry/certificates/${no}`)).status).toBe(200);
    expect((await api(t, 'GET', `/api/v1/certificates/${no}`, undefined, issuerToken)).body.certificateNo).toBe(no);
    const verified = await api(t, 'POST', '/api/v1/verifications', { credential: issued.body.credential });
    expect(verified.body.verdict).toBe('VALID');
  }

  it('issuance, replay, lookup, the office read and verification work before and after a column is added', async () => {
    await issueAndRead(1);
    await t.adminQuery('ALTER TABLE certificates ADD COLUMN prepared_probe text');
    try {
      await issueAndRead(3);
    } finally {
      await t.adminQuery('ALTER TABLE certificates DROP COLUMN prepared_probe');
    }
    await issueAndRead(5);
  });
});
