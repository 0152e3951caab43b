// What an import tells about each refused row, in the user's language. Errors carry a stable code
// (clients and tests rely on it); the common ones have a sentence in en, fr, ar and nl, the rare
// ones fall back to the English message of the check that found them.
export type RowError = { row: number; column: string; path: string; code: string; message: string };

const MESSAGES: Record<string, Record<'en' | 'fr' | 'ar' | 'nl', string>> = {
  required: { en: 'is required', fr: 'est obligatoire', ar: 'حقل مطلوب', nl: 'is verplicht' },
  too_long: { en: 'is too long', fr: 'est trop long', ar: 'النص طويل جدًا', nl: 'is te lang' },
  not_text: { en: 'contains characters that are not text', fr: 'contient des caractères qui ne sont pas du texte', ar: 'يحتوي على رموز ليست نصًا', nl: 'bevat tekens die geen tekst zijn' },
  not_allowed: { en: 'is not one of the allowed values', fr: "n'est pas une des valeurs admises", ar: 'ليست من القيم المسموح بها', nl: 'is geen van de toegestane waarden' },
  bad_format: { en: 'is not in the expected form', fr: "n'a pas la forme attendue", ar: 'ليس بالشكل المتوقع', nl: 'heeft niet de verwachte vorm' },
  out_of_range: { en: 'is out of range', fr: 'est hors limites', ar: 'خارج النطاق المسموح', nl: 'valt buiten het bereik' },
  not_a_number: { en: 'is not a number', fr: "n'est pas un nombre", ar: 'ليس رقمًا', nl: 'is geen getal' },
  not_boolean: { en: 'must be true or false (yes/no)', fr: 'doit être vrai ou faux (oui/non)', ar: 'يجب أن يكون نعم أو لا', nl: 'moet waar of onwaar zijn (ja/nee)' },
  bad_date: { en: 'is not a valid date of its precision', fr: "n'est pas une date valide pour sa précision", ar: 'ليس تاريخًا صالحًا بدقته', nl: 'is geen geldige datum voor de precisie' },
  unknown_country: { en: 'is not an ISO 3166-1 country code', fr: "n'est pas un code pays ISO 3166-1", ar: 'ليس رمز بلد وفق ISO 3166-1', nl: 'is geen ISO 3166-1-landcode' },
  unknown_goal: { en: 'is not a known goal code', fr: "n'est pas un code d'objectif connu", ar: 'ليس رمز هدف معروفًا', nl: 'is geen bekende doelcode' },
  duplicate_goal: { en: 'names the same goal twice', fr: 'cite deux fois le même objectif', ar: 'يذكر الهدف نفسه مرتين', nl: 'noemt hetzelfde doel twee keer' },
  primary_goal: { en: 'needs exactly one primary goal', fr: 'demande exactement un objectif principal', ar: 'يجب تحديد هدف رئيسي واحد بالضبط', nl: 'vraagt precies één hoofddoel' },
  unknown_change_type: { en: 'is not a known change type', fr: "n'est pas un type de changement connu", ar: 'ليس نوع تغيير معروفًا', nl: 'is geen bekend soort verandering' },
  unknown_quadrant: { en: 'is not a Gender at Work quadrant', fr: "n'est pas un quadrant Gender at Work", ar: 'ليس ربعًا من أرباع Gender at Work', nl: 'is geen Gender at Work-kwadrant' },
  unknown_code: { en: 'is not a known code', fr: "n'est pas un code connu", ar: 'ليس رمزًا معروفًا', nl: 'is geen bekende code' },
  unknown_harvest: { en: "is not a harvest of your organisation's programmes", fr: "n'est pas une récolte des programmes de votre organisation", ar: 'ليس حصادًا من برامج منظمتك', nl: 'is geen oogst van de programma’s van uw organisatie' },
  unknown_column: { en: 'is not a column this import knows', fr: "n'est pas une colonne connue de cet import", ar: 'ليس عمودًا معروفًا لهذا الاستيراد', nl: 'is geen kolom die deze import kent' },
  missing_column: { en: 'is a required column that the file lacks', fr: 'est une colonne obligatoire absente du fichier', ar: 'عمود مطلوب غير موجود في الملف', nl: 'is een verplichte kolom die in het bestand ontbreekt' },
  formula: { en: 'holds a formula; paste the values only', fr: 'contient une formule ; collez uniquement les valeurs', ar: 'يحتوي على صيغة؛ الصق القيم فقط', nl: 'bevat een formule; plak alleen de waarden' },
  invalid_json: { en: 'is not valid JSON', fr: "n'est pas du JSON valide", ar: 'ليس JSON صالحًا', nl: 'is geen geldige JSON' },
  bad_geopoint: { en: 'is not a geopoint (latitude longitude)', fr: "n'est pas un point GPS (latitude longitude)", ar: 'ليس نقطة جغرافية (خط العرض خط الطول)', nl: 'is geen geopunt (breedte lengte)' },
  missing_key: { en: 'has no submission id (looked for {fields})', fr: "n'a pas d'identifiant de soumission (cherché dans {fields})", ar: 'لا يحمل معرّف الإرسال (بُحث عنه في {fields})', nl: 'heeft geen inzendings-id (gezocht in {fields})' },
  duplicate_key: { en: 'repeats a submission of an earlier row', fr: "répète une soumission d'une ligne précédente", ar: 'يكرر إرسالًا من صف سابق', nl: 'herhaalt een inzending van een eerdere rij' },
};

export type Language = 'en' | 'fr' | 'ar' | 'nl';
export const languageOf = (l: string | undefined): Language => (['fr', 'ar', 'nl'].includes(l ?? '') ? (l as Language) : 'en');

export function messageOf(code: string, language: string | undefined, fallback: string): string {
  return MESSAGES[code]?.[languageOf(language)] ?? fallback;
}

/** The stable code of an ajv failure. */
export function codeOfKeyword(keyword: string, message: string): string {
  if (keyword === 'required' || keyword === 'minItems' || (keyword === 'minLength' && /fewer than 1 /.test(message))) return 'required';
  if (keyword === 'maxLength' || keyword === 'maxItems') return 'too_long';
  if (keyword === 'format' && /not text/.test(message)) return 'not_text';
  if (keyword === 'enum' || keyword === 'const') return 'not_allowed';
  if (keyword === 'pattern' || keyword === 'format') return 'bad_format';
  if (keyword === 'minimum' || keyword === 'maximum') return 'out_of_range';
  if (keyword === 'type') return 'bad_format';
  return 'invalid';
}

/** The stable code of a domain rule that gave none (server/outcomes/rules.ts and the like give theirs), from its path and words. */
export function codeOfRule(path: string, message: string): string {
  if (/^\/goals\/\d+\/code$/.test(path)) return /twice/.test(message) ? 'duplicate_goal' : 'unknown_goal';
  if (path === '/goals') return 'primary_goal';
  if (/date$/i.test(path)) return 'bad_date';
  if (/country$/.test(path)) return 'unknown_country';
  if (path === '/harvestId') return 'unknown_harvest';
  return /unknown/.test(message) ? 'unknown_code' : 'invalid';
}
