/**
 * Masks personal data before it goes into any message or log: enough is left to match the
 * row against the paper (first six and last four of an ID number, as banks print them),
 * nothing more.
 */

/** 152201199002281234 → 152201********1234 */
export function maskId(id: string): string {
  const chars = [...id];
  if (chars.length <= 10) return '*'.repeat(chars.length);
  return chars.slice(0, 6).join('') + '*'.repeat(chars.length - 10) + chars.slice(-4).join('');
}

/** 13912345678 → 139****5678; (0482)8238615 → (0482)***8615 (an area code is not personal). */
export function maskPhone(phone: string): string {
  const tail = (digits: string) => (digits.length <= 4 ? '*'.repeat(digits.length) : '*'.repeat(digits.length - 4) + digits.slice(-4));
  const landline = /^([(（]?0\d{2,3}[)）]?[-\s]?)(\d{5,8})(.*)$/.exec(phone);
  if (landline) return landline[1]! + tail(landline[2]!) + landline[3]!.replace(/\d/g, '*');
  const digits = phone.replace(/\D/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return tail(digits);
}

/** 巴特尔·额尔敦 → 巴****** ; keeps only the first character of a name. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}
