/**
 * Personal data out of a reader's text before it is stored (the question log
 * and feedback comments, docs/insights.md): e-mail addresses, phone numbers,
 * long runs of digits (account, card, order numbers), @handles, and the query
 * strings and fragments of links (where tokens and ids travel). Each is
 * replaced by a placeholder, so an editor still sees that the reader gave one.
 * Pure: the same text always gives the same result.
 * @module
 */

/** The placeholders, as they appear in scrubbed text. */
const SCRUBBED = {
  email: '[email]',
  phone: '[phone]',
  number: '[number]',
  handle: '[handle]',
} as const;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// A link: keep scheme, host and path, drop `?query` and `#fragment`.
const URL_QUERY = /\b((?:https?:\/\/|www\.)[^\s?#<>"]*)[?#][^\s<>"]*/giu;
// A phone number: an optional +, then digits in groups separated by spaces, dots, dashes or
// parentheses, 7 digits or more in all. Commas are no separator ("1,500,000" is an amount).
const PHONE = /(?<![\p{L}\p{N}])(?:\+|00)?\(?\d{1,4}\)?(?:[ .\-\u00a0]?\(?\d{1,4}\)?){2,}(?![\p{L}\p{N}])/gu;
const LONG_DIGITS = /\d{6,}/g;
const HANDLE = /(?<![\p{L}\p{N}_.@])@[\p{L}\p{N}_.]{2,}/gu;

/**
 * The text with personal data replaced by placeholders.
 *
 * @example
 * scrubPersonalData('Mail me at jo@example.com or call +1 555 123 4567') // 'Mail me at [email] or call [phone]'
 */
export function scrubPersonalData(text: string): string {
  return text
    .replace(EMAIL, SCRUBBED.email)
    .replace(URL_QUERY, '$1')
    .replace(PHONE, (m) => (isPhone(m) ? SCRUBBED.phone : m))
    .replace(LONG_DIGITS, SCRUBBED.number)
    .replace(HANDLE, SCRUBBED.handle);
}

/** 7 digits or more, in groups or after a +; a date ("12.03.2025") or one bare run of digits is not a phone number. */
function isPhone(m: string): boolean {
  if (DATE.test(m)) return false;
  if (!/^\+|^00|\D/.test(m.trim())) return false;
  return digitCount(m) >= 7;
}

const DATE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/;

function digitCount(s: string): number {
  let n = 0;
  for (const ch of s) if (ch >= '0' && ch <= '9') n++;
  return n;
}
