import { describe, expect, it } from 'vitest';
import { scrubPersonalData } from './scrub.js';

describe('scrubPersonalData', () => {
  it('replaces e-mail addresses', () => {
    expect(scrubPersonalData('Write to jo.smith+news@mail.example.co.uk about the vote')).toBe('Write to [email] about the vote');
  });

  it('replaces phone numbers in common shapes', () => {
    for (const phone of ['+1 555 123 4567', '(555) 123-4567', '+44 20 7946 0958', '0049 30 1234567', '555.123.4567', '+57 300-555-0199']) {
      expect(scrubPersonalData(`call me on ${phone} please`), phone).toBe('call me on [phone] please');
    }
  });

  it('replaces long digit runs (account, card, order numbers)', () => {
    expect(scrubPersonalData('my order 98765432 is late')).toBe('my order [number] is late');
    expect(scrubPersonalData('card 4111111111111111')).toBe('card [number]');
  });

  it('replaces @handles but keeps the rest', () => {
    expect(scrubPersonalData('what did @jane_doe say about @PetroGustavo?')).toBe('what did [handle] say about [handle]?');
  });

  it('drops the query string and fragment of links, keeping host and path', () => {
    expect(scrubPersonalData('is https://news.example.com/a/b?token=abc&user=42#x true?')).toBe('is https://news.example.com/a/b true?');
    expect(scrubPersonalData('see www.example.org/page?id=7')).toBe('see www.example.org/page');
  });

  it('keeps dates, years, amounts and short numbers, which are questions, not personal data', () => {
    for (const q of [
      'When is Petro meeting Trump on Feb. 3, 2026?',
      'How many died in 2024?',
      'Is the deal worth 1,500,000 dollars?',
      'What happened at 10:30 on 12.03.2025?',
      'Did 300 people attend?',
      'Is it 3.5 percent?',
    ]) {
      expect(scrubPersonalData(q), q).toBe(q);
    }
  });

  it('is idempotent', () => {
    const once = scrubPersonalData('mail a@b.io, call +1 555 123 4567, ping @bob, id 12345678');
    expect(scrubPersonalData(once)).toBe(once);
  });
});
