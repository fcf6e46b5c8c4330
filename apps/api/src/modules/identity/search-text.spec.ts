import { containsPattern, searchQuery } from './search-text';

// The folding itself happens in PostgreSQL (search_fold); users.int-spec.ts and meetings.int-spec.ts
// test it against a real server with NFC, NFD, upper-case and unaccented queries.
describe('search text', () => {
  it('trims the query and treats blank as no search', () => {
    expect(searchQuery('  Vĩnh Phúc ')).toBe('Vĩnh Phúc');
    expect(searchQuery('   ')).toBeNull();
    expect(searchQuery(undefined)).toBeNull();
  });

  it('escapes LIKE wildcards', () => {
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
