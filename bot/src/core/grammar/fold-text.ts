/**
 * Text folded for matching words as people type them: lower case, without accents or tone marks
 * ("Thứ Hai", "thu hai" and "THỨ HAI" are one word), "đ" as "d", "ё" as "е", curly apostrophes straight.
 * Only for comparing; never shown back to anyone.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .replace(/ё/g, 'е')
    .replace(/[’‘`´ʼ]/g, "'");
}

/** The words of a text, folded: letters and digits, with inner apostrophes and hyphens kept ("aujourd'hui", "avant-hier"). */
export function foldedWords(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** The language of a BCP 47 tag ("pt-BR" → "pt"), or undefined. */
export function languageOf(locale: string | undefined): string | undefined {
  const language = locale?.split(/[-_]/)[0]?.toLowerCase();
  return language === '' ? undefined : language;
}
