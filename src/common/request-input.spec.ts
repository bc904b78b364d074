import {
  isMalformedQuery,
  isWellFormedQuery,
  jsonNestsDeeperThan,
  jsonRepeatedName,
  normalizeJsonText,
  parseQueryString,
} from './request-input';

describe('jsonNestsDeeperThan', () => {
  const nested = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

  it('allows the limit and refuses one level more, for objects and arrays alike', () => {
    expect(jsonNestsDeeperThan(nested(64), 64)).toBe(false);
    expect(jsonNestsDeeperThan(nested(65), 64)).toBe(true);
    expect(jsonNestsDeeperThan('['.repeat(65) + ']'.repeat(65), 64)).toBe(true);
    expect(jsonNestsDeeperThan('[{"a":[{"b":[]}]}]', 5)).toBe(false);
    expect(jsonNestsDeeperThan('[{"a":[{"b":[]}]}]', 4)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan(`{"a":"${'['.repeat(100)}"}`, 2)).toBe(false);
    expect(jsonNestsDeeperThan(`{"a":"\\"${'{'.repeat(100)}"}`, 2)).toBe(false);
    expect(jsonNestsDeeperThan(`{"a":"\\\\",${'"b":['.repeat(1)}[[1]]]}`, 3)).toBe(true);
  });

  it('scans 3,000 levels without recursion', () => {
    expect(jsonNestsDeeperThan('['.repeat(100_000), 64)).toBe(true);
  });
});

describe('jsonRepeatedName', () => {
  it('finds a name repeated in one object, at any depth, whatever its escapes or normal form', () => {
    expect(jsonRepeatedName('{"a":1,"b":2,"a":3}')).toBe('a');
    expect(jsonRepeatedName('{"x":[{"p":"1"},{"q":{"p":1,"p":2}}]}')).toBe('p');
    expect(jsonRepeatedName('{"name":"王五","\\u006eame":"王六"}')).toBe('name');
    expect(jsonRepeatedName('{"name":"王五","\\\\u006eame":"王六"}')).toBeUndefined();
    expect(jsonRepeatedName('{"caf\u00e9":1,"cafe\u0301":2}')).toBe('café');
  });

  it('does not take values, array items or names of sibling objects for repeats', () => {
    expect(jsonRepeatedName('{"a":"a","b":["a","a"],"c":{"a":1},"d":{"a":2}}')).toBeUndefined();
    expect(jsonRepeatedName('[{"a":1},{"a":1}]')).toBeUndefined();
    expect(jsonRepeatedName('{"a\"b":1,"c":"\\","a\"b ":2}')).toBeUndefined();
    expect(jsonRepeatedName('{ "k" : { } , "k" : [ ] }')).toBe('k');
  });
});

describe('normalizeJsonText', () => {
  it('turns every string, keys included, into NFC, at any depth', () => {
    const value = JSON.parse(
      JSON.stringify({ ['Zoe\u0308']: ['Mu\u0308ller', { n: 'e\u0301', k: 1, b: null }] }),
    ) as unknown;
    expect(normalizeJsonText(value)).toEqual({ ['Zo\u00eb']: ['M\u00fcller', { n: '\u00e9', k: 1, b: null }] });
  });
});

describe('parseQueryString', () => {
  it('decodes percent-encoding and + to NFC text; a repeated name gives a list', () => {
    const query = parseQueryString(`name=${encodeURIComponent('Zoe\u0308')}+A&id=1&id=2`);
    expect({ ...query }).toEqual({ name: 'Zo\u00eb A', id: ['1', '2'] });
  });

  it('keeps __proto__ a plain name and turns a malformed escape into U+FFFD, marking the query', () => {
    const query = parseQueryString('__proto__=x&bad=%E5%BC');
    expect(Object.getPrototypeOf(query)).toBeNull();
    expect(query.__proto__).toBe('x');
    expect(query.bad).toBe('\ufffd');
    expect(isMalformedQuery(query)).toBe(true);
  });

  it.each(['no=%FF', 'a=%zz', 'a=%E5%BC', 'a=%ED%A0%80', '%C0%AF=1', 'a=1&b=%'])('marks %s as malformed', (text) => {
    expect(isWellFormedQuery(text)).toBe(false);
    expect(isMalformedQuery(parseQueryString(text))).toBe(true);
  });

  it.each(['', 'no=ZJ%E8%B4%A8', 'a=1+2&b=%2B', 'a=&=b&&c', 'q=%F0%A0%80%80'])('accepts %s', (text) => {
    expect(isWellFormedQuery(text)).toBe(true);
    expect(isMalformedQuery(parseQueryString(text))).toBe(false);
  });
});
