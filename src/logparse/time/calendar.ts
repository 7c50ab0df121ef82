/**
 * Calendar arithmetic, month names and zone abbreviations, without Date
 * objects: timestamps are read on every line, so they are turned into epoch
 * milliseconds with integer arithmetic only.
 */

const MS_PER_DAY = 86_400_000;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Epoch milliseconds of a wall-clock time at a fixed offset (minutes east of UTC). */
export function epochMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
  offsetMinutes: number,
): number {
  return (
    daysFromCivil(year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 +
    millis
  );
}

/**
 * Month names and abbreviations, lower case, in the languages logs are most
 * often written under (English, French, German, Spanish), with and without
 * accents, since syslog follows the machine's locale.
 */
const MONTHS = new Map<string, number>();
const MONTH_SPELLINGS: readonly string[] = [
  'jan january janv janvier ene enero januar jän',
  'feb february fév fev févr fevr février fevrier febrero februar',
  'mar march mars mär mrz märz marzo',
  'apr april avr avril abr abril',
  'may mai mayo',
  'jun june juin junio juni',
  'jul july juil juillet julio juli',
  'aug august aoû aou août aout ago agosto',
  'sep sept september septembre septiembre',
  'oct october octobre okt oktober octubre',
  'nov november novembre noviembre',
  'dec december déc décembre decembre dez dezember dic diciembre',
];
MONTH_SPELLINGS.forEach((spellings, index) => {
  for (const name of spellings.split(' ')) MONTHS.set(name, index + 1);
});

/** Month number (1-12) of a month name or abbreviation in any case, or 0 when unknown. */
export function monthFromName(name: string): number {
  if (name.length < 3 || name.length > 10) return 0;
  const bare = name.charCodeAt(name.length - 1) === 46 ? name.slice(0, -1) : name;
  return MONTHS.get(bare) ?? MONTHS.get(bare.toLowerCase()) ?? 0;
}

/**
 * Offsets (minutes east of UTC) of the zone abbreviations logs print.
 *
 * Abbreviations are ambiguous world-wide; the usual reading is taken: CST is
 * US Central, IST is India, BST is British Summer Time.
 */
const ZONE_OFFSETS = new Map<string, number>([
  ['UTC', 0],
  ['UT', 0],
  ['GMT', 0],
  ['Z', 0],
  ['WET', 0],
  ['WEST', 60],
  ['BST', 60],
  ['CET', 60],
  ['CEST', 120],
  ['MET', 60],
  ['MEST', 120],
  ['EET', 120],
  ['EEST', 180],
  ['MSK', 180],
  ['IST', 330],
  ['SGT', 480],
  ['HKT', 480],
  ['AWST', 480],
  ['JST', 540],
  ['KST', 540],
  ['AEST', 600],
  ['AEDT', 660],
  ['NZST', 720],
  ['NZDT', 780],
  ['BRT', -180],
  ['ART', -180],
  ['AST', -240],
  ['ADT', -180],
  ['EST', -300],
  ['EDT', -240],
  ['CST', -360],
  ['CDT', -300],
  ['MST', -420],
  ['MDT', -360],
  ['PST', -480],
  ['PDT', -420],
  ['AKST', -540],
  ['AKDT', -480],
  ['HST', -600],
]);

/** Offset in minutes east of UTC of a zone abbreviation, or undefined when unknown. */
export function zoneOffset(abbreviation: string): number | undefined {
  return ZONE_OFFSETS.get(abbreviation);
}
