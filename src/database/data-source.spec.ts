import { dataSourceOptions } from './data-source';

const schema = { entities: [], migrations: [] };

describe('dataSourceOptions', () => {
  it('bounds the PostgreSQL pool: connection wait, server statement timeout, and a client timeout a little later', () => {
    const options = dataSourceOptions({ kind: 'postgres', url: 'postgres://u@db/zjzc' }, schema, {
      connectMs: 3000,
      statementMs: 8000,
    });
    expect(options.extra).toEqual({
      max: 10,
      connectionTimeoutMillis: 3000,
      statement_timeout: 8000,
      query_timeout: 10_000,
    });
  });

  it('leaves a connection without timeouts its caller did not ask for (the owner running migrations)', () => {
    expect(dataSourceOptions({ kind: 'postgres', url: 'postgres://u@db/zjzc' }, schema).extra).toEqual({ max: 10 });
  });
});
